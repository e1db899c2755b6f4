package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.scorecard.ScorecardExplanation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * What a per-product-line recompute changes in the stored line tiers: rows whose tier, own
 * figures or policy version changed (a line's ranks are its ranking's, not the row's), and rows
 * of lines a customer no longer sold on in the window.
 */
final class LineTierChanges {

    /** A customer on a product line. */
    record Key(long customerId, long productLineId) {
    }

    /** One line tier row as stored, or to store. */
    record Row(long customerId, long productLineId, String tier, int policyVersion, OffsetDateTime computedAt,
            BigDecimal revenue, BigDecimal margin, long orderCount, Integer score, String scoreParts) {

        Key key() {
            return new Key(customerId, productLineId);
        }

        /** Same tier, version and figures: the row need not be written. */
        boolean sameAs(Row stored) {
            return tier.equals(stored.tier) && policyVersion == stored.policyVersion
                    && sameNumber(revenue, stored.revenue) && sameNumber(margin, stored.margin)
                    && orderCount == stored.orderCount && Objects.equals(score, stored.score)
                    && Objects.equals(scoreParts, stored.scoreParts);
        }
    }

    private final List<Row> changed = new ArrayList<>();
    private final List<Key> gone = new ArrayList<>();
    private final List<Long> goneLines = new ArrayList<>();
    private long unchanged;

    private LineTierChanges() {
    }

    /**
     * Compares line by line, each line's stored rows read when its turn comes ({@code storedOnLine}),
     * so memory holds one line's stored tiers, not the book's (five lines of 100k customers are
     * hundreds of thousands of rows). Lines with stored tiers and no customers now are gone whole.
     */
    static LineTierChanges of(Map<Long, List<TierDecision>> decisions, Map<Long, List<CustomerFigures>> figures,
            LongFunction<Map<Key, Row>> storedOnLine, Set<Long> storedLines, int version, Instant now) {
        LineTierChanges changes = new LineTierChanges();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        decisions.forEach((line, lineDecisions) -> {
            Map<Key, Row> stored = storedOnLine.apply(line);
            Map<Long, CustomerFigures> onLine = new HashMap<>();
            figures.getOrDefault(line, List.of()).forEach(f -> onLine.put(f.customerId(), f));
            for (TierDecision decision : lineDecisions) {
                CustomerFigures f = onLine.get(decision.customerId());
                Integer score = null;
                String parts = null;
                if (decision.explanation() instanceof ScorecardExplanation sc) {
                    score = sc.total();
                    parts = sc.parts().stream().map(p -> p.criterion() + "=" + p.points())
                            .collect(Collectors.joining(";"));
                }
                Row row = new Row(decision.customerId(), line, decision.tier().name(), version, at, f.revenue(),
                        f.margin(), f.orderCount(), score, parts);
                Row before = stored.remove(row.key());
                if (before == null || !row.sameAs(before)) {
                    changes.changed.add(row);
                } else {
                    changes.unchanged++;
                }
            }
            changes.gone.addAll(stored.keySet());
        });
        storedLines.stream().filter(line -> !decisions.containsKey(line)).forEach(changes.goneLines::add);
        return changes;
    }

    /** Rows to write: new, or changed since stored. */
    List<Row> changed() {
        return changed;
    }

    /** Stored rows of lines the customer no longer sold on in the window. */
    List<Key> gone() {
        return gone;
    }

    /** Lines with stored tiers and no customer in the window any more. */
    List<Long> goneLines() {
        return goneLines;
    }

    /**
     * Nothing stored stays as it is (a first per-line run, a new policy version): emptying the
     * table and writing the rows is cheaper than replacing them one by one.
     */
    boolean rewritesAll() {
        return unchanged == 0;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}

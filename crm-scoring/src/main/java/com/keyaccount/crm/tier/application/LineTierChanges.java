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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

    private final List<Row> all = new ArrayList<>();
    private final List<Row> changed = new ArrayList<>();
    private final List<Key> gone = new ArrayList<>();
    private final int storedCount;

    private LineTierChanges(int storedCount) {
        this.storedCount = storedCount;
    }

    static LineTierChanges of(Map<Long, List<TierDecision>> decisions, Map<Long, List<CustomerFigures>> figures,
            Map<Key, Row> stored, int version, Instant now) {
        LineTierChanges changes = new LineTierChanges(stored.size());
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Set<Key> present = new HashSet<>();
        decisions.forEach((line, lineDecisions) -> {
            Map<Long, CustomerFigures> onLine = new HashMap<>();
            figures.getOrDefault(line, List.of()).forEach(f -> onLine.put(f.customerId(), f));
            for (TierDecision decision : lineDecisions) {
                CustomerFigures f = onLine.get(decision.customerId());
                Integer score = null;
                String parts = null;
                if (decision.explanation() instanceof ScorecardExplanation s) {
                    score = s.total();
                    parts = s.parts().stream().map(p -> p.criterion() + "=" + p.points())
                            .collect(Collectors.joining(";"));
                }
                Row row = new Row(decision.customerId(), line, decision.tier().name(), version, at, f.revenue(),
                        f.margin(), f.orderCount(), score, parts);
                changes.all.add(row);
                present.add(row.key());
                Row before = stored.get(row.key());
                if (before == null || !row.sameAs(before)) {
                    changes.changed.add(row);
                }
            }
        });
        stored.keySet().stream().filter(key -> !present.contains(key)).forEach(changes.gone::add);
        return changes;
    }

    /** Every current line tier, changed or not. */
    List<Row> all() {
        return all;
    }

    /** Rows to write: new, or changed since stored. */
    List<Row> changed() {
        return changed;
    }

    /** Stored rows of lines the customer no longer sold on in the window. */
    List<Key> gone() {
        return gone;
    }

    /**
     * When most rows change (a new policy version names itself in every row), emptying the table
     * and writing every row is quicker than deleting the changed ones one by one.
     */
    boolean rewritesAll() {
        return storedCount > 0 && (changed.size() + gone.size()) * 2 > storedCount;
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}

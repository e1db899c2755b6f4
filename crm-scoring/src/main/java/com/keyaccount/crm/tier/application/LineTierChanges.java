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
 * What a per-product-line recompute changes in the stored line tiers, found one line at a time:
 * rows whose tier, own figures or policy version changed (a line's ranks are its ranking's, not
 * the row's), rows of lines a customer no longer sold on in the window, and lines no customer
 * sold on any more.
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

    /** One line's changes: rows to write, and stored rows of customers no longer on it. */
    record OnLine(List<Row> changed, List<Key> gone) {
    }

    private final int version;
    private final OffsetDateTime at;
    private final Set<Long> ranked = new HashSet<>();
    private long changed;
    private long unchanged;

    LineTierChanges(int version, Instant now) {
        this.version = version;
        this.at = now.atOffset(ZoneOffset.UTC);
    }

    /** Compares one line's decisions, made on {@code figures}, with its rows as stored ({@code stored}, consumed). */
    OnLine compare(long line, List<TierDecision> decisions, List<CustomerFigures> figures, Map<Key, Row> stored) {
        ranked.add(line);
        Map<Long, CustomerFigures> onLine = new HashMap<>(figures.size() * 2);
        figures.forEach(f -> onLine.put(f.customerId(), f));
        List<Row> rows = new ArrayList<>();
        for (TierDecision decision : decisions) {
            CustomerFigures f = onLine.get(decision.customerId());
            Integer score = null;
            String parts = null;
            if (decision.explanation() instanceof ScorecardExplanation sc) {
                score = sc.total();
                parts = sc.parts().stream().map(p -> p.criterion() + "=" + p.points()).collect(Collectors.joining(";"));
            }
            Row row = new Row(decision.customerId(), line, decision.tier().name(), version, at, f.revenue(),
                    f.margin(), f.orderCount(), score, parts);
            Row before = stored.remove(row.key());
            if (before == null || !row.sameAs(before)) {
                rows.add(row);
            } else {
                unchanged++;
            }
        }
        changed += rows.size();
        return new OnLine(rows, new ArrayList<>(stored.keySet()));
    }

    /** Of the lines with stored tiers, those no customer sold on in the window any more. */
    List<Long> goneLines(Set<Long> storedLines) {
        return storedLines.stream().filter(line -> !ranked.contains(line)).sorted().toList();
    }

    /** How many line tier rows the run writes. */
    long changed() {
        return changed;
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

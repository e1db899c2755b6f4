package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Points per criterion, summed; a total of at least {@code minimumForA} is A, at least
 * {@code minimumForB} is B, otherwise C (SPEC "Tier rules" 2). A ladder of four or five tiers has
 * minimums for C and D too ({@code lowerMinimums}); below the last is the bottom tier.
 *
 * @param lowerMinimums the minimums below B's, top first; empty with three tiers
 */
public record Scorecard(List<Criterion> criteria, int minimumForA, int minimumForB, List<Integer> lowerMinimums) {

    /** The seed's "客户分级标准(确认)": sales 70 + payment timeliness 30; A ≥ 80, B ≥ 60. */
    public static final Scorecard DEFAULT = new Scorecard(List.of(
            new Criterion("sales", Metric.MONTHLY_AVERAGE_SALES, true, List.of(
                    new PointBand(new BigDecimal("20000"), 70),
                    new PointBand(new BigDecimal("10000"), 50),
                    new PointBand(new BigDecimal("5000"), 40)), 30, 30),
            new Criterion("payment", Metric.AVERAGE_DAYS_TO_PAY, false, List.of(
                    new PointBand(new BigDecimal("30"), 30),
                    new PointBand(new BigDecimal("45"), 20),
                    new PointBand(new BigDecimal("60"), 10)), 0, 20)),
            80, 60);

    public static final int MOST_POINTS = 10_000;

    public Scorecard {
        criteria = List.copyOf(criteria);
        // a version stored before longer ladders has none
        lowerMinimums = lowerMinimums == null ? List.of() : List.copyOf(lowerMinimums);
    }

    /** The scorecard of a three-tier ladder. */
    public Scorecard(List<Criterion> criteria, int minimumForA, int minimumForB) {
        this(criteria, minimumForA, minimumForB, List.of());
    }

    /** Every tier's minimum but the bottom one's, top first. */
    public List<Integer> minimums() {
        List<Integer> all = new ArrayList<>(List.of(minimumForA, minimumForB));
        all.addAll(lowerMinimums);
        return all;
    }

    /** The same scorecard with {@code lowerMinimums} below B's. */
    public Scorecard withLowerMinimums(List<Integer> lowerMinimums) {
        return new Scorecard(criteria, minimumForA, minimumForB, lowerMinimums);
    }

    /**
     * Criteria are told apart by name in every explanation, so names are unique; B starts
     * strictly below A, or B would be empty.
     */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (criteria.isEmpty()) {
            found.add(Violation.of("criteria", "criteria.none"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            String path = "criteria[" + i + "]";
            if (!names.add(criteria.get(i).name().strip())) {
                found.add(Violation.of(path + ".name", "criterion.duplicate"));
            }
            criteria.get(i).violations().forEach(v -> found.add(v.under(path)));
        }
        Violation.range(found, "minimumForA", minimumForA, 0, MOST_POINTS);
        Violation.range(found, "minimumForB", minimumForB, 0, MOST_POINTS);
        if (minimumForB >= minimumForA) {
            found.add(Violation.of("minimumForB", "bands.tierOrder"));
        }
        int above = minimumForB;
        for (int i = 0; i < lowerMinimums.size(); i++) {
            int minimum = lowerMinimums.get(i);
            Violation.range(found, "lowerMinimums[" + i + "]", minimum, 0, MOST_POINTS);
            if (minimum >= above) {
                found.add(Violation.of("lowerMinimums[" + i + "]", "bands.tierOrder"));
            }
            above = minimum;
        }
        return found;
    }
}

package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Points per criterion, summed; a total of at least {@code minimumForA} is A, at least
 * {@code minimumForB} is B, otherwise C (SPEC "Tier rules" 2).
 */
public record Scorecard(List<Criterion> criteria, int minimumForA, int minimumForB) {

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
        return found;
    }
}

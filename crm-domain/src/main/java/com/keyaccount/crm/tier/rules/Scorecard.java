package com.keyaccount.crm.tier.rules;

import java.math.BigDecimal;
import java.util.List;

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

    public Scorecard {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a scorecard needs at least one criterion");
        }
        if (minimumForB > minimumForA) {
            throw new IllegalArgumentException("the B band must start below the A band");
        }
    }
}

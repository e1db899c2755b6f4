package com.keyaccount.crm.dashboard.application;

import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The director's overview: customers, net revenue and gross margin in the tier policy's window
 * ({@code from} through {@code to}) per tier, region and industry, and the Pareto curve on the
 * measure the policy ranks by — all for one filter. With a product line in the filter every
 * figure is that line's, and {@code lineTiers} says the tiers are the line's own (the policy
 * ranks per product line) rather than the customers' tiers.
 */
public record Overview(DashboardFilter filter, LocalDate from, LocalDate to, Group total, List<Group> byTier,
        List<Group> byRegion, List<Group> byIndustry, Measure curveMeasure, List<CurvePoint> curve,
        BigDecimal cutoffA, BigDecimal cutoffB, boolean lineTiers) {

    public long customers() {
        return total.customers();
    }

    /** Net revenue: sales less credit notes and returns. */
    public BigDecimal revenue() {
        return total.revenue();
    }

    public boolean curveOnMargin() {
        return curveMeasure == Measure.GROSS_MARGIN;
    }

    /**
     * Customers and figures of one tier, region or industry; {@code key} null = not yet
     * classified. {@code creditNotes} is the (negative) sum of credit notes and returns, already
     * in {@code revenue}; {@code margin} is null when no line in the window carries one.
     */
    public record Group(String key, long customers, BigDecimal revenue, BigDecimal creditNotes, BigDecimal margin) {

        static Group empty(String key) {
            return new Group(key, 0, BigDecimal.ZERO, BigDecimal.ZERO, null);
        }

        Group plus(Group other) {
            BigDecimal sum = margin == null ? other.margin : other.margin == null ? margin : margin.add(other.margin);
            return new Group(key, customers + other.customers, revenue.add(other.revenue),
                    creditNotes.add(other.creditNotes), sum);
        }

        /** Gross margin as a share of net revenue; null without margin or without positive revenue. */
        public Double marginShare() {
            return margin == null || revenue.signum() <= 0 ? null
                    : margin.divide(revenue, 6, RoundingMode.HALF_UP).doubleValue();
        }
    }

    /**
     * After the top {@code rank} of {@code of} customers by the curve's measure, this share of it
     * all (a customer's net of zero or less counts as zero, as in the ranking).
     */
    public record CurvePoint(long rank, long of, BigDecimal cumulative, BigDecimal total) {

        public double customerShare() {
            return of == 0 ? 0 : (double) rank / of;
        }

        public double share() {
            return total.signum() == 0 ? 0 : cumulative.divide(total, 6, RoundingMode.HALF_UP).doubleValue();
        }
    }

    /** "The top 20% of customers make N%": the share at the first point past 20%. */
    public Double topFifthShare() {
        return curve.stream().filter(p -> p.rank() * 5 >= p.of()).findFirst().map(CurvePoint::share)
                .orElse(null);
    }
}

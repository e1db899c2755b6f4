package com.keyaccount.crm.dashboard.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The director's overview: customers and revenue (in the tier policy's window, as of the last
 * recompute) per tier, region and industry, and the Pareto curve — all for one filter.
 */
public record Overview(DashboardFilter filter, long customers, BigDecimal revenue, List<Group> byTier,
        List<Group> byRegion, List<Group> byIndustry, List<CurvePoint> curve, BigDecimal cutoffA, BigDecimal cutoffB) {

    /** Customers and revenue of one tier, region or industry; {@code key} null = not yet classified. */
    public record Group(String key, long customers, BigDecimal revenue) {
    }

    /** After the top {@code rank} of {@code of} customers by revenue, this share of all revenue. */
    public record CurvePoint(long rank, long of, BigDecimal cumulative, BigDecimal total) {

        public double customerShare() {
            return of == 0 ? 0 : (double) rank / of;
        }

        public double revenueShare() {
            return total.signum() == 0 ? 0 : cumulative.divide(total, 6, RoundingMode.HALF_UP).doubleValue();
        }
    }

    /** "The top 20% of customers make N% of revenue": the revenue share at the first point past 20%. */
    public Double topFifthShare() {
        return curve.stream().filter(p -> p.rank() * 5 >= p.of()).findFirst().map(CurvePoint::revenueShare)
                .orElse(null);
    }
}

package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;

/**
 * A customer's tier on one product line as pages show it: the line's name, the tier, the
 * window's figures on the line and why (Pareto: the place in the line's ranking; scorecard: the
 * points). {@code margin} is {@code null} when no line carried one.
 */
public record LineTier(long customerId, long productLineId, String productLine, Tier tier, BigDecimal revenue,
        BigDecimal margin, long orderCount, Integer score, String scoreParts, Integer rank, Integer rankedOf,
        BigDecimal shareBefore) {

    /** The figure the line was ranked by, as it is (a margin not sent: zero). */
    public BigDecimal measured(Measure measure) {
        BigDecimal value = measure == Measure.GROSS_MARGIN ? margin : revenue;
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Zero or less although the customer traded on the line: it ranked as zero there. */
    public boolean countedAsZero(Measure measure) {
        int sign = measured(measure).signum();
        return sign < 0 || sign == 0 && orderCount > 0;
    }

    LineTier explainedBy(ParetoRankings.ParetoRank place) {
        return new LineTier(customerId, productLineId, productLine, tier, revenue, margin, orderCount, score,
                scoreParts, place.rank(), place.rankedOf(), place.shareBefore());
    }
}

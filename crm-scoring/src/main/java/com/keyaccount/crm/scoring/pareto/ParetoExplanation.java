package com.keyaccount.crm.scoring.pareto;

import com.keyaccount.crm.scoring.Explanation;
import com.keyaccount.crm.scoring.Measured;
import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;

/**
 * "rank 153 of 2,400; 79.2% of net revenue before it": the customer's place in the ranking
 * (1-based), the share of the measure made by the customers ranked before it, and its own figure.
 */
public record ParetoExplanation(int rank, int rankedOf, BigDecimal shareBefore, Measured measured)
        implements Explanation {

    /** Ranked by a net revenue above zero. */
    public ParetoExplanation(int rank, int rankedOf, BigDecimal shareBefore, BigDecimal revenue) {
        this(rank, rankedOf, shareBefore, new Measured(Measure.NET_REVENUE, revenue, revenue.signum() < 0));
    }
}

package com.keyaccount.crm.scoring.pareto;

import com.keyaccount.crm.scoring.Explanation;
import java.math.BigDecimal;

/**
 * "rank 153 of 2,400; 79.2% of revenue before it": the customer's place in the ranking
 * (1-based) and the share of total revenue made by the customers ranked before it.
 */
public record ParetoExplanation(int rank, int rankedOf, BigDecimal shareBefore, BigDecimal revenue)
        implements Explanation {
}

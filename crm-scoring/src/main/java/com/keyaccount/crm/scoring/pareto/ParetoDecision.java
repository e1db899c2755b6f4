package com.keyaccount.crm.scoring.pareto;

import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;

/**
 * The tier of one customer with what explains it: its place in the ranking (1-based, of
 * {@code rankedOf}) and the share of total revenue made by the customers ranked before it.
 */
public record ParetoDecision(long customerId, Tier tier, int rank, int rankedOf, BigDecimal shareBefore) {
}

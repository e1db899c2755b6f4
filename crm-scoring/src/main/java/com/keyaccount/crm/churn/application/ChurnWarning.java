package com.keyaccount.crm.churn.application;

import com.keyaccount.crm.scoring.churn.ChurnSignal;
import java.math.BigDecimal;
import java.util.List;

/**
 * A customer on the early-warning list with the signals that fired and their numbers.
 *
 * @param revenueAtRisk the net revenue of the last 180 days (zero when it is not positive): what
 *     losing the customer would cost, by which the list is ordered
 */
public record ChurnWarning(long customerId, String code, String name, String owner, String tier,
        BigDecimal revenueAtRisk, List<ChurnSignal> signals) {
}

package com.keyaccount.crm.churn.application;

import com.keyaccount.crm.scoring.churn.ChurnSignal;
import java.util.List;

/** A customer on the early-warning list with the signals that fired and their numbers. */
public record ChurnWarning(long customerId, String code, String name, String owner, String tier,
        List<ChurnSignal> signals) {
}

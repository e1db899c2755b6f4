package com.keyaccount.crm.plan;

import com.keyaccount.crm.shared.RecordNotFoundException;

/** No plan for that account and quarter, or an account of another manager's book: the same 404. */
public class AccountPlanNotFoundException extends RecordNotFoundException {

    public AccountPlanNotFoundException(long customerId, Quarter quarter) {
        super("plan of customer " + customerId + " for " + quarter);
    }
}

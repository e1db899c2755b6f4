package com.keyaccount.crm.tier.rules;

/** Which rule set classifies customers; one is active at a time. */
public enum TierMethod {
    PARETO,
    SCORECARD,
    HARD_RULES,
    /** Bands by share of customers (seed 002). */
    CUSTOMER_SHARE;

    /** The methods that rank the whole book, so each customer has a place in the ranking to show. */
    public boolean ranks() {
        return this == PARETO || this == CUSTOMER_SHARE;
    }
}

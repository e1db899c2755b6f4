package com.keyaccount.crm.tier.rules;

/** Which rule set classifies customers; one is active at a time. */
public enum TierMethod {
    PARETO,
    SCORECARD,
    HARD_RULES
}

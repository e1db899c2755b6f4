package com.keyaccount.crm.scoring;

import com.keyaccount.crm.tier.Tier;

/** The computed tier of one customer and why. */
public record TierDecision(long customerId, Tier tier, Explanation explanation) {
}

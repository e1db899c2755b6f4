package com.keyaccount.crm.churn;

/**
 * SPEC 流失预警: when a customer is flagged. Pure data, versioned in the database so an admin
 * can change it later.
 *
 * @param revenueDropPercent  revenue in the last 90 days down more than this against the 90 before
 * @param daysToPayIncrease   average days to pay up by more than this many days
 * @param silenceFactor       no contact for more than this many times the tier's interval
 * @param downgradeWithinDays a tier downgrade within this many days
 */
public record ChurnThresholds(int revenueDropPercent, int daysToPayIncrease, int silenceFactor,
        int downgradeWithinDays) {

    public static final ChurnThresholds DEFAULT = new ChurnThresholds(30, 15, 2, 90);

    public ChurnThresholds {
        if (revenueDropPercent < 1 || revenueDropPercent > 100 || daysToPayIncrease < 1 || silenceFactor < 1
                || downgradeWithinDays < 1) {
            throw new IllegalArgumentException("churn thresholds out of range");
        }
    }
}

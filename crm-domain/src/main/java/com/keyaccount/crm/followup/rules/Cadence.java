package com.keyaccount.crm.followup.rules;

/**
 * One quota: "at least every N days" (null: no minimum) and optionally "at most M per 30 days"
 * (null: no maximum), so over-servicing small customers is visible too.
 */
public record Cadence(Integer atLeastEveryDays, Integer atMostPer30Days) {

    public static final Cadence NONE = new Cadence(null, null);

    public Cadence {
        if (atLeastEveryDays != null && (atLeastEveryDays < 1 || atLeastEveryDays > 3650)) {
            throw new IllegalArgumentException("interval must be 1..3650 days, got " + atLeastEveryDays);
        }
        if (atMostPer30Days != null && (atMostPer30Days < 1 || atMostPer30Days > 1000)) {
            throw new IllegalArgumentException("maximum per 30 days must be 1..1000, got " + atMostPer30Days);
        }
    }

    public static Cadence every(int days) {
        return new Cadence(days, null);
    }

    public boolean hasMinimum() {
        return atLeastEveryDays != null;
    }
}

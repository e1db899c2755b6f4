package com.keyaccount.crm.complaint.application;

/**
 * The dashboard's service card: complaints open and overdue now, and of those answered and
 * resolved in the period, the share on time (null: none in the period).
 */
public record ServicePanel(long open, long overdue, long answered, long answeredOnTime, long resolved,
        long resolvedOnTime) {

    public Integer answeredOnTimePercent() {
        return percent(answeredOnTime, answered);
    }

    public Integer resolvedOnTimePercent() {
        return percent(resolvedOnTime, resolved);
    }

    private static Integer percent(long part, long whole) {
        return whole == 0 ? null : (int) Math.round(100.0 * part / whole);
    }
}

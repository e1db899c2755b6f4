package com.keyaccount.crm.attainment.application;

import java.util.List;

/**
 * How well the book is covered: per account manager and per tier, customers, overdue
 * follow-ups, and customers without any contact in the last {@code days} days.
 */
public record Coverage(int days, List<Line> byManager, List<Line> byTier) {

    /** {@code key}: the manager's name, or the tier ("-" = not yet classified). */
    public record Line(Long managerId, String key, long customers, long overdue, long notContacted) {
    }
}

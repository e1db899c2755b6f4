package com.keyaccount.crm.attainment.application;

import java.util.List;

/**
 * How well the book is covered: per account manager and per tier, customers, overdue
 * follow-ups, and customers without any contact in the last {@code days} days. Lost customers
 * are not served, so they are left out; {@code lost} says how many, so that the totals can be
 * reconciled with the dashboard's count of the whole book.
 */
public record Coverage(int days, List<Line> byManager, List<Line> byTier, long lost) {

    /** The lines added up (both breakdowns cover the same customers). */
    public Line total() {
        return new Line(null, "", byManager.stream().mapToLong(Line::customers).sum(),
                byManager.stream().mapToLong(Line::overdue).sum(), byManager.stream().mapToLong(Line::notContacted).sum());
    }

    /** {@code key}: the manager's name, or the tier ("-" = not yet classified). */
    public record Line(Long managerId, String key, long customers, long overdue, long notContacted) {
    }
}

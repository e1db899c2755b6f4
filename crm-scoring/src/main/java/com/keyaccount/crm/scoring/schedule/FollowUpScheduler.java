package com.keyaccount.crm.scoring.schedule;

import com.keyaccount.crm.followup.rules.VisitQuotas;

/**
 * SPEC "跟进计划": next due = the earliest of (last contact + any-contact interval), (last on-site
 * visit + visit interval) and a pending agreed next-contact date. Quota-derived dates that fall
 * on a non-working day move to the next working day; agreed dates are kept as agreed.
 * After an upgrade the shorter interval counts from the last real contact, but a date that would
 * fall before upgrade day + grace is moved to that day (never later than the old tier's date).
 * A downgrade relaxes the schedule at once.
 */
public final class FollowUpScheduler {

    private FollowUpScheduler() {
    }

    public static FollowUpDue nextDue(ScheduleInput input, VisitQuotas quotas, WorkingCalendar calendar) {
        throw new UnsupportedOperationException("TODO");
    }
}

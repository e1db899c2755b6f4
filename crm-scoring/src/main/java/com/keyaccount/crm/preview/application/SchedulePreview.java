package com.keyaccount.crm.preview.application;

import com.keyaccount.crm.scoring.schedule.DueShift;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.util.List;

/**
 * What a draft of the quotas or the calendar would do to the follow-up schedule, computed on
 * live data without writing: counts per tier, customers that would turn overdue today, and the
 * first customers whose due date moves.
 */
public record SchedulePreview(LocalDate today, Long manager, int customers, List<TierLine> byTier, TierLine total,
        int newlyOverdue, List<Moved> sample, boolean sampleTruncated, long millis) {

    /** Due dates that would come earlier, later, or stay, for one tier (or all: tier null). */
    public record TierLine(Tier tier, int earlier, int later, int unchanged) {
    }

    /** One customer whose due date moves. */
    public record Moved(long customerId, String code, String name, String owner, Tier tier, LocalDate current,
            LocalDate proposed, DueShift shift) {
    }
}

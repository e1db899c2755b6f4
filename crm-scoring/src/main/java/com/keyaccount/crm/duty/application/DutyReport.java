package com.keyaccount.crm.duty.application;

import com.keyaccount.crm.scoring.schedule.Attainment.Tally;
import com.keyaccount.crm.user.Role;
import java.util.List;

/**
 * Attainment of the duties per role over a period, one line a person: their key accounts, the
 * visits and calls their role asked of them there against those they made (each account's made
 * count capped at what it needed, as the quotas' attainment counts), and their working days at
 * key accounts against the days asked.
 */
public record DutyReport(List<Line> people) {

    public record Line(long userId, String name, Role role, long keyAccounts, Tally visits, Tally calls,
            long daysAtKeyAccounts, int daysRequired) {

        /** Days made as a percentage of those asked, rounded down; null when none were asked. */
        public Integer daysPercent() {
            return daysRequired == 0 ? null : (int) Math.min(100, daysAtKeyAccounts * 100 / daysRequired);
        }
    }
}

package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.CHINA;
import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.date;
import static com.keyaccount.crm.tier.Tier.A;
import static com.keyaccount.crm.tier.Tier.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.rules.VisitQuotas;
import org.junit.jupiter.api.Test;

/** A follow-up the account manager moved to a chosen day, against the quotas and an agreed date. */
class FollowUpRescheduleTest {

    private static final long ID = 7;

    @Test
    void a_rescheduled_day_later_than_the_quota_date_stands() {
        // A, last contact Mon 03-02: the quota says Mon 03-09, the manager moved it to Fri 03-20
        FollowUpDue due = FollowUpScheduler.nextDue(new ScheduleInput(ID, A, date("2020-01-06"), date("2026-03-02"),
                date("2026-03-02"), null, null, date("2026-03-20")), VisitQuotas.DEFAULT, CHINA);

        assertThat(due).isEqualTo(new FollowUpDue(ID, date("2026-03-20"), DueRule.RESCHEDULED, null, null));
    }

    @Test
    void a_rescheduled_day_wins_over_an_earlier_agreed_date_and_an_upgrade_grace() {
        FollowUpDue due = FollowUpScheduler.nextDue(new ScheduleInput(ID, A, date("2020-01-06"), date("2026-03-02"),
                null, date("2026-03-04"), new TierMove(date("2026-03-03"), C, A), date("2026-03-16")),
                VisitQuotas.DEFAULT, CHINA);

        assertThat(due.dueOn()).isEqualTo(date("2026-03-16"));
        assertThat(due.rule()).isEqualTo(DueRule.RESCHEDULED);
    }

    @Test
    void without_a_rescheduled_day_the_quota_applies() {
        FollowUpDue due = FollowUpScheduler.nextDue(new ScheduleInput(ID, A, date("2020-01-06"), date("2026-03-02"),
                date("2026-03-02"), null, null, null), VisitQuotas.DEFAULT, CHINA);

        assertThat(due.dueOn()).isEqualTo(date("2026-03-09"));
        assertThat(due.rule()).isEqualTo(DueRule.ANY_CONTACT);
    }
}

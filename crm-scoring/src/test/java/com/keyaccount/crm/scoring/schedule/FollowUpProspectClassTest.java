package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.CHINA;
import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.date;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.scoring.schedule.ScheduleInput.ProspectCadence;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A graded prospect is followed up by its close-time class (seed 003 客户追踪志): last contact +
 * the class's cadence, on the next working day. Expected dates are worked out by hand from the
 * holiday blocks of {@link ChineseCalendar}; the comments show how. Cadences are the seed's
 * (A 1, B 7, C 15, D 30, E 365 days) unless a test says otherwise.
 */
class FollowUpProspectClassTest {

    private static final long ID = 17;
    private static final LocalDate LONG_AGO = date("2020-01-06");

    private static ScheduleInput prospect(Tier tier, CloseClass closeClass, LocalDate knownSince, LocalDate contact,
            LocalDate agreed, TierMove move, LocalDate rescheduled) {
        return new ScheduleInput(ID, tier, knownSince, contact, null, agreed, move, rescheduled,
                new ProspectCadence(closeClass, closeClass.defaultCadenceDays()));
    }

    private static FollowUpDue due(ScheduleInput input) {
        return FollowUpScheduler.nextDue(input, VisitQuotas.DEFAULT, CHINA);
    }

    @Test
    void class_B_is_followed_up_weekly_and_a_date_in_the_spring_festival_moves_past_it() {
        // Tue 02-10 + 7 = Tue 02-17 (初一; 春节 runs to Mon 02-23) -> Tue 02-24
        assertThat(due(prospect(Tier.C, CloseClass.B, LONG_AGO, date("2026-02-10"), null, null, null)))
                .isEqualTo(new FollowUpDue(ID, date("2026-02-24"), DueRule.PROSPECT_CLASS, date("2026-02-10"), 7));
    }

    @Test
    void class_A_is_daily_and_a_saturday_moves_to_the_make_up_working_sunday() {
        // Fri 09-18 + 1 = Sat 09-19; Sun 09-20 is a make-up working day
        assertThat(due(prospect(Tier.C, CloseClass.A, LONG_AGO, date("2026-09-18"), null, null, null)))
                .isEqualTo(new FollowUpDue(ID, date("2026-09-20"), DueRule.PROSPECT_CLASS, date("2026-09-18"), 1));
    }

    @Test
    void class_E_is_yearly_and_national_day_moves_it_to_the_first_working_day_after() {
        // Wed 2025-10-01 + 365 = Thu 2026-10-01 (国庆 to Wed 10-07) -> Thu 10-08
        assertThat(due(prospect(Tier.C, CloseClass.E, LONG_AGO, date("2025-10-01"), null, null, null)))
                .isEqualTo(new FollowUpDue(ID, date("2026-10-08"), DueRule.PROSPECT_CLASS, date("2025-10-01"), 365));
    }

    @Test
    void a_prospect_never_contacted_counts_from_its_creation() {
        // created Mon 03-02, class C: + 15 = Tue 03-17
        assertThat(due(prospect(Tier.C, CloseClass.C, date("2026-03-02"), null, null, null, null)))
                .isEqualTo(new FollowUpDue(ID, date("2026-03-17"), DueRule.PROSPECT_CLASS, date("2026-03-02"), 15));
    }

    @Test
    void the_class_replaces_the_tiers_quotas() {
        // a tier A customer is due after 7 days; as a class D prospect after 30: Mon 03-02 + 30 = Wed 04-01
        assertThat(due(prospect(Tier.A, CloseClass.D, LONG_AGO, date("2026-03-02"), null, null, null)))
                .isEqualTo(new FollowUpDue(ID, date("2026-04-01"), DueRule.PROSPECT_CLASS, date("2026-03-02"), 30));
    }

    @Test
    void a_tier_upgrade_gives_a_prospect_no_grace() {
        // class B, last contact Tue 02-10: due 02-24, past when the tier moved C -> A on 03-03; no grace to 03-10
        FollowUpDue due = due(prospect(Tier.A, CloseClass.B, LONG_AGO, date("2026-02-10"), null,
                new TierMove(date("2026-03-03"), Tier.C, Tier.A), null));
        assertThat(due.dueOn()).isEqualTo(date("2026-02-24"));
        assertThat(due.rule()).isEqualTo(DueRule.PROSPECT_CLASS);
    }

    @Test
    void an_agreed_date_before_the_class_date_is_kept_and_a_later_one_waits() {
        // class D: Mon 03-02 + 30 = Wed 04-01; agreed Tue 03-10 comes first
        assertThat(due(prospect(Tier.C, CloseClass.D, LONG_AGO, date("2026-03-02"), date("2026-03-10"), null, null)))
                .isEqualTo(new FollowUpDue(ID, date("2026-03-10"), DueRule.AGREED_DATE, date("2026-03-02"), null));
        // class A: Mon 03-02 + 1 = Tue 03-03, before the agreed 03-10
        assertThat(due(prospect(Tier.C, CloseClass.A, LONG_AGO, date("2026-03-02"), date("2026-03-10"), null, null)))
                .isEqualTo(new FollowUpDue(ID, date("2026-03-03"), DueRule.PROSPECT_CLASS, date("2026-03-02"), 1));
    }

    @Test
    void a_follow_up_moved_by_hand_stands_for_a_prospect_too() {
        assertThat(due(prospect(Tier.C, CloseClass.A, LONG_AGO, date("2026-03-02"), null, null, date("2026-03-20"))))
                .isEqualTo(new FollowUpDue(ID, date("2026-03-20"), DueRule.RESCHEDULED, null, null));
    }

    @Test
    void the_ladder_in_force_sets_the_cadence_of_a_class() {
        // an admin made class B fortnightly: Mon 03-02 + 14 = Mon 03-16
        ScheduleInput input = new ScheduleInput(ID, Tier.C, LONG_AGO, date("2026-03-02"), null, null, null, null,
                new ProspectCadence(CloseClass.B, 14));
        assertThat(due(input)).isEqualTo(new FollowUpDue(ID, date("2026-03-16"), DueRule.PROSPECT_CLASS,
                date("2026-03-02"), 14));
    }

    @Test
    void an_ungraded_prospect_is_scheduled_by_its_tier_as_before() {
        // no class: tier C, every 30 days: Mon 03-02 + 30 = Wed 04-01 by the any-contact quota
        ScheduleInput input = new ScheduleInput(ID, Tier.C, LONG_AGO, date("2026-03-02"), null, null, null, null, null);
        assertThat(due(input)).isEqualTo(new FollowUpDue(ID, date("2026-04-01"), DueRule.ANY_CONTACT,
                date("2026-03-02"), 30));
    }
}

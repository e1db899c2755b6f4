package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.DueRule.ANY_CONTACT;
import static com.keyaccount.crm.scoring.schedule.DueRule.ON_SITE_VISIT;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.customer;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.due;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.expect;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.quotas;
import static com.keyaccount.crm.tier.Tier.A;
import static com.keyaccount.crm.tier.Tier.B;
import static com.keyaccount.crm.tier.Tier.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import org.junit.jupiter.api.Test;

/**
 * Quota intervals: which date and which rule, counted from contacts, visits or creation.
 * Expected dates are worked out by hand from the calendar; the comments show how. Unless a test
 * says otherwise the quotas are the defaults and the calendar is Monday to Friday.
 */
class FollowUpIntervalTest {

    @Test
    void a_contact_on_day_d_is_due_exactly_d_plus_the_interval() {
        // Mon 03-02 + 7 = Mon 03-09; the visit (02-27 + 30 = Sun 03-29 → 03-30) is later
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-02-27")))
                .isEqualTo(expect("2026-03-09", ANY_CONTACT, "2026-03-02", 7));
    }

    @Test
    void a_contact_one_day_later_moves_the_due_date_one_day() {
        // Tue 03-03 + 7 = Tue 03-10
        assertThat(due(customer(A).contact("2026-03-03").visit("2026-02-27")))
                .isEqualTo(expect("2026-03-10", ANY_CONTACT, "2026-03-03", 7));
    }

    @Test
    void an_earlier_visit_date_wins_over_the_any_contact_date() {
        // visit Tue 02-10 + 30 = Thu 03-12 (Feb 2026 has 28 days); any contact Tue 03-10 + 7 = 03-17
        assertThat(due(customer(A).contact("2026-03-10").visit("2026-02-10")))
                .isEqualTo(expect("2026-03-12", ON_SITE_VISIT, "2026-02-10", 30));
    }

    @Test
    void on_the_same_day_the_visit_is_named() {
        // any: Thu 03-05 + 7 = Thu 03-12; visit: Tue 02-10 + 30 = Thu 03-12
        assertThat(due(customer(A).contact("2026-03-05").visit("2026-02-10")))
                .isEqualTo(expect("2026-03-12", ON_SITE_VISIT, "2026-02-10", 30));
    }

    @Test
    void dates_that_meet_only_after_the_weekend_shift_also_name_the_visit() {
        // any: Sat 03-07 + 7 = Sat 03-14 → Mon 03-16; visit: Sat 02-14 + 30 = Mon 03-16
        assertThat(due(customer(A).contact("2026-03-07").visit("2026-02-14")))
                .isEqualTo(expect("2026-03-16", ON_SITE_VISIT, "2026-02-14", 30));
    }

    @Test
    void b_customers_use_fourteen_and_ninety_days() {
        // any: Mon 03-02 + 14 = Mon 03-16; visit: Thu 01-15 + 90 = Wed 04-15
        assertThat(due(customer(B).contact("2026-03-02").visit("2026-01-15")))
                .isEqualTo(expect("2026-03-16", ANY_CONTACT, "2026-03-02", 14));
    }

    @Test
    void a_customer_never_visited_counts_the_visit_quota_from_known_since() {
        // visit: 2025-12-01 + 90 = Sun 2026-03-01 → Mon 03-02; any: Mon 03-02 + 14 = 03-16
        assertThat(due(customer(B).knownSince("2025-12-01").contact("2026-03-02")))
                .isEqualTo(expect("2026-03-02", ON_SITE_VISIT, "2025-12-01", 90));
    }

    @Test
    void tier_c_has_no_visit_candidate() {
        // known since 2020 and never visited, yet only any contact counts: Mon 03-02 + 30 = Wed 04-01
        assertThat(due(customer(C).knownSince("2020-01-01").contact("2026-03-02")))
                .isEqualTo(expect("2026-04-01", ANY_CONTACT, "2026-03-02", 30));
    }

    @Test
    void a_customer_never_contacted_counts_from_known_since() {
        // any: Mon 03-02 + 7 = Mon 03-09; visit: 03-02 + 30 = Wed 04-01
        assertThat(due(customer(A).knownSince("2026-03-02")))
                .isEqualTo(expect("2026-03-09", ANY_CONTACT, "2026-03-02", 7));
        // C: Mon 03-02 + 30 = Wed 04-01
        assertThat(due(customer(C).knownSince("2026-03-02")))
                .isEqualTo(expect("2026-04-01", ANY_CONTACT, "2026-03-02", 30));
    }

    @Test
    void a_tier_without_any_minimum_has_nothing_due() {
        VisitQuotas noMinimumForC = quotas(C, new TierCadence(Cadence.NONE, Cadence.NONE));
        assertThat(due(customer(C).contact("2026-03-02"), noMinimumForC))
                .isEqualTo(FollowUpDue.none(ScheduleFixtures.ID));
    }
}

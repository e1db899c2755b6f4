package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.CHINA;
import static com.keyaccount.crm.scoring.schedule.DueRule.AGREED_DATE;
import static com.keyaccount.crm.scoring.schedule.DueRule.ANY_CONTACT;
import static com.keyaccount.crm.scoring.schedule.DueRule.ON_SITE_VISIT;
import static com.keyaccount.crm.scoring.schedule.DueRule.UPGRADE_GRACE;
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
import com.keyaccount.crm.scoring.schedule.ScheduleFixtures.Given;
import org.junit.jupiter.api.Test;

/**
 * The grace an upgraded customer gets before the shorter interval counts, capped by the old tier.
 * Expected dates are worked out by hand from the calendar; the comments show how. Unless a test
 * says otherwise the quotas are the defaults and the calendar is Monday to Friday.
 */
class FollowUpUpgradeGraceTest {

    @Test
    void a_new_interval_already_past_is_moved_to_the_end_of_the_grace() {
        // A: Mon 03-02 + 7 = 03-09, before Fri 03-20 + 7 = Fri 03-27; C would have said Wed 04-01
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-02-20").movedOn("2026-03-20", C)))
                .isEqualTo(expect("2026-03-27", UPGRADE_GRACE, "2026-03-20", 7));
    }

    @Test
    void a_new_interval_just_before_the_grace_end_is_moved() {
        // B: Mon 03-02 + 14 = Mon 03-16; grace: Tue 03-10 + 7 = Tue 03-17; C: 04-01
        assertThat(due(customer(B).contact("2026-03-02").visit("2026-01-15").movedOn("2026-03-10", C)))
                .isEqualTo(expect("2026-03-17", UPGRADE_GRACE, "2026-03-10", 7));
    }

    @Test
    void a_new_interval_ending_on_the_grace_end_needs_no_grace() {
        // B: Mon 03-02 + 14 = Mon 03-16; grace: Mon 03-09 + 7 = Mon 03-16
        assertThat(due(customer(B).contact("2026-03-02").visit("2026-01-15").movedOn("2026-03-09", C)))
                .isEqualTo(expect("2026-03-16", ANY_CONTACT, "2026-03-02", 14));
    }

    @Test
    void a_new_interval_ending_after_the_grace_end_needs_no_grace() {
        // B: Mon 03-02 + 14 = Mon 03-16; grace: Wed 03-04 + 7 = Wed 03-11
        assertThat(due(customer(B).contact("2026-03-02").visit("2026-01-15").movedOn("2026-03-04", C)))
                .isEqualTo(expect("2026-03-16", ANY_CONTACT, "2026-03-02", 14));
    }

    @Test
    void grace_never_goes_past_the_old_tiers_date() {
        // A: visit 02-02 + 30 = Wed 03-04; grace: Tue 03-10 + 7 = Tue 03-17;
        // old B: any Mon 03-02 + 14 = Mon 03-16, visit 02-02 + 90 = Sun 05-03 → 05-04
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-02-02").movedOn("2026-03-10", B)))
                .isEqualTo(expect("2026-03-16", ANY_CONTACT, "2026-03-02", 14));
    }

    @Test
    void an_old_tiers_date_on_the_grace_end_names_the_grace() {
        // grace: Mon 03-09 + 7 = Mon 03-16, the same day as old B's 03-02 + 14
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-02-02").movedOn("2026-03-09", B)))
                .isEqualTo(expect("2026-03-16", UPGRADE_GRACE, "2026-03-09", 7));
    }

    @Test
    void the_cap_keeps_the_old_tiers_rule_and_basis() {
        // A: visit 2025-12-10 + 30 = Fri 01-09; grace: Fri 03-06 + 7 = Fri 03-13;
        // old B: visit 2025-12-10 + 90 = Tue 03-10, any Thu 03-05 + 14 = Thu 03-19
        assertThat(due(customer(A).contact("2026-03-05").visit("2025-12-10").movedOn("2026-03-06", B)))
                .isEqualTo(expect("2026-03-10", ON_SITE_VISIT, "2025-12-10", 90));
    }

    @Test
    void an_old_tier_without_a_minimum_leaves_the_grace_end() {
        VisitQuotas noMinimumForC = quotas(C, new TierCadence(Cadence.NONE, Cadence.NONE));
        // A: Mon 03-02 + 7 = 03-09; grace: Tue 03-10 + 7 = Tue 03-17; C had no date at all
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-03-02").movedOn("2026-03-10", C),
                noMinimumForC))
                .isEqualTo(expect("2026-03-17", UPGRADE_GRACE, "2026-03-10", 7));
    }

    @Test
    void a_contact_after_the_upgrade_ends_the_grace() {
        // A: visit Mon 01-05 + 30 = Wed 02-04, long past; a phone call on 03-04 came after the 03-02 move
        assertThat(due(customer(A).contact("2026-03-04").visit("2026-01-05").movedOn("2026-03-02", B)))
                .isEqualTo(expect("2026-02-04", ON_SITE_VISIT, "2026-01-05", 30));
    }

    @Test
    void a_contact_on_the_upgrade_day_ends_the_grace() {
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-01-05").movedOn("2026-03-02", B)))
                .isEqualTo(expect("2026-02-04", ON_SITE_VISIT, "2026-01-05", 30));
    }

    @Test
    void a_contact_the_day_before_the_upgrade_leaves_the_grace() {
        // grace: Tue 03-03 + 7 = Tue 03-10; old B: any 03-02 + 14 = 03-16, visit 01-05 + 90 = Sun 04-05 → 04-06
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-01-05").movedOn("2026-03-03", B)))
                .isEqualTo(expect("2026-03-10", UPGRADE_GRACE, "2026-03-03", 7));
    }

    @Test
    void a_customer_never_contacted_counts_new_and_old_dates_from_known_since() {
        // A from known since 2026-01-05: any 01-12, long past; grace: Tue 03-10 + 7 = 03-17;
        // old C: 01-05 + 30 = Wed 02-04, also past, and earlier than the grace end
        assertThat(due(customer(A).knownSince("2026-01-05").movedOn("2026-03-10", C)))
                .isEqualTo(expect("2026-02-04", ANY_CONTACT, "2026-01-05", 30));
        // known since Mon 03-02: A any 03-09; grace 03-17; old C 04-01
        assertThat(due(customer(A).knownSince("2026-03-02").movedOn("2026-03-10", C)))
                .isEqualTo(expect("2026-03-17", UPGRADE_GRACE, "2026-03-10", 7));
    }

    @Test
    void a_downgrade_relaxes_at_once() {
        // B: Mon 03-02 + 14 = Mon 03-16 (A would have said 03-09)
        assertThat(due(customer(B).contact("2026-03-02").visit("2026-03-02").movedOn("2026-03-10", A)))
                .isEqualTo(expect("2026-03-16", ANY_CONTACT, "2026-03-02", 14));
    }

    @Test
    void a_downgrade_gives_no_grace_to_a_date_already_past() {
        // C: Mon 01-05 + 30 = Wed 02-04, though the move was on 03-20
        assertThat(due(customer(C).contact("2026-01-05").movedOn("2026-03-20", A)))
                .isEqualTo(expect("2026-02-04", ANY_CONTACT, "2026-01-05", 30));
    }

    @Test
    void a_first_tier_applies_at_once() {
        // A: Mon 03-02 + 7 = 03-09, before the first classification on 03-10
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-03-02").movedOn("2026-03-10", null)))
                .isEqualTo(expect("2026-03-09", ANY_CONTACT, "2026-03-02", 7));
    }

    @Test
    void a_grace_end_on_a_holiday_moves_to_the_next_working_day() {
        // A: Mon 02-02 + 7 = 02-09; grace: Tue 02-10 + 7 = Tue 02-17 (初一) → Tue 02-24; C: 02-02 + 30 = Wed 03-04
        assertThat(due(customer(A).contact("2026-02-02").visit("2026-02-02").movedOn("2026-02-10", C), CHINA))
                .isEqualTo(expect("2026-02-24", UPGRADE_GRACE, "2026-02-10", 7));
    }

    @Test
    void a_grace_end_on_a_make_up_saturday_stays() {
        // grace: Sat 02-07 + 7 = Sat 02-14, a make-up day; A: Mon 02-02 + 7 = 02-09; C: 03-04
        assertThat(due(customer(A).contact("2026-02-02").visit("2026-02-02").movedOn("2026-02-07", C), CHINA))
                .isEqualTo(expect("2026-02-14", UPGRADE_GRACE, "2026-02-07", 7));
    }

    @Test
    void grace_compares_dates_after_the_holiday_shift() {
        // A: Mon 02-09 + 7 = Mon 02-16 (春节) → 02-24; grace: Tue 02-10 + 7 = 02-17 → 02-24: not before
        assertThat(due(customer(A).contact("2026-02-09").visit("2026-02-09").movedOn("2026-02-10", C), CHINA))
                .isEqualTo(expect("2026-02-24", ANY_CONTACT, "2026-02-09", 7));
    }

    @Test
    void an_agreed_date_before_the_grace_end_wins() {
        // grace: Fri 03-20 + 7 = Fri 03-27
        Given upgraded = customer(A).contact("2026-03-02").visit("2026-02-20").movedOn("2026-03-20", C);
        assertThat(due(upgraded.agreed("2026-03-25")))
                .isEqualTo(expect("2026-03-25", AGREED_DATE, "2026-03-02", null));
        assertThat(due(upgraded.agreed("2026-03-27")))
                .isEqualTo(expect("2026-03-27", AGREED_DATE, "2026-03-02", null));
        assertThat(due(upgraded.agreed("2026-03-30")))
                .isEqualTo(expect("2026-03-27", UPGRADE_GRACE, "2026-03-20", 7));
    }

    @Test
    void a_zero_day_grace_ends_on_the_upgrade_day() {
        VisitQuotas noGrace = new VisitQuotas(VisitQuotas.DEFAULT.byTier(), 0);
        // A: Mon 03-02 + 7 = 03-09, before the upgrade on Tue 03-10; C: 04-01
        assertThat(due(customer(A).contact("2026-03-02").visit("2026-03-02").movedOn("2026-03-10", C), noGrace))
                .isEqualTo(expect("2026-03-10", UPGRADE_GRACE, "2026-03-10", 0));
    }

    @Test
    void grace_never_brings_the_new_tiers_own_date_forward() {
        // odd quotas where the old tier B is stricter: A any 10, B any 3.
        // A: Mon 03-02 + 10 = Thu 03-12; grace 03-17; old B: 03-02 + 3 = Thu 03-05, earlier than A itself
        VisitQuotas odd = quotas(new TierCadence(Cadence.every(10), Cadence.NONE),
                new TierCadence(Cadence.every(3), Cadence.NONE), new TierCadence(Cadence.every(30), Cadence.NONE), 7);
        assertThat(due(customer(A).contact("2026-03-02").movedOn("2026-03-10", B), odd))
                .isEqualTo(expect("2026-03-12", ANY_CONTACT, "2026-03-02", 10));
    }
}

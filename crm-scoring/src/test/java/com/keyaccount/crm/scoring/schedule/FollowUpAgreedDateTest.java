package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.CHINA;
import static com.keyaccount.crm.scoring.schedule.DueRule.AGREED_DATE;
import static com.keyaccount.crm.scoring.schedule.DueRule.ANY_CONTACT;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.customer;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.due;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.expect;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.quotas;
import static com.keyaccount.crm.tier.Tier.A;
import static com.keyaccount.crm.tier.Tier.C;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.scoring.schedule.ScheduleFixtures.Given;
import org.junit.jupiter.api.Test;

/**
 * The next-contact date agreed with the customer, against the quota date.
 * Expected dates are worked out by hand from the calendar; the comments show how. Unless a test
 * says otherwise the quotas are the defaults and the calendar is Monday to Friday.
 */
class FollowUpAgreedDateTest {

    // with a contact on Mon 03-02 the tier A quota is due Mon 03-09 (visit 04-01 is later)
    private Given contacted() {
        return customer(A).contact("2026-03-02").visit("2026-03-02");
    }

    @Test
    void an_agreed_date_before_the_quota_date_wins() {
        assertThat(due(contacted().agreed("2026-03-05")))
                .isEqualTo(expect("2026-03-05", AGREED_DATE, "2026-03-02", null));
    }

    @Test
    void the_day_after_the_last_contact_is_already_pending() {
        assertThat(due(contacted().agreed("2026-03-03")))
                .isEqualTo(expect("2026-03-03", AGREED_DATE, "2026-03-02", null));
    }

    @Test
    void an_agreed_date_after_the_quota_date_does_not_postpone_it() {
        assertThat(due(contacted().agreed("2026-03-20")))
                .isEqualTo(expect("2026-03-09", ANY_CONTACT, "2026-03-02", 7));
    }

    @Test
    void an_agreed_date_on_the_quota_date_is_named() {
        assertThat(due(contacted().agreed("2026-03-09")))
                .isEqualTo(expect("2026-03-09", AGREED_DATE, "2026-03-02", null));
    }

    @Test
    void an_agreed_date_on_the_last_contact_day_was_kept() {
        assertThat(due(contacted().agreed("2026-03-02")))
                .isEqualTo(expect("2026-03-09", ANY_CONTACT, "2026-03-02", 7));
    }

    @Test
    void an_agreed_date_before_the_last_contact_was_overtaken() {
        assertThat(due(contacted().agreed("2026-02-27")))
                .isEqualTo(expect("2026-03-09", ANY_CONTACT, "2026-03-02", 7));
    }

    @Test
    void an_agreed_date_on_a_holiday_is_kept_as_agreed() {
        // quota: Thu 02-12 + 7 = Thu 02-19 (春节) → Tue 02-24; agreed: Tue 02-17 is 初一, a holiday
        assertThat(due(customer(A).contact("2026-02-12").visit("2026-02-12").agreed("2026-02-17"), CHINA))
                .isEqualTo(expect("2026-02-17", AGREED_DATE, "2026-02-12", null));
    }

    @Test
    void an_agreed_date_on_an_ordinary_saturday_is_kept_as_agreed() {
        assertThat(due(contacted().agreed("2026-03-07")))
                .isEqualTo(expect("2026-03-07", AGREED_DATE, "2026-03-02", null));
    }

    @Test
    void an_agreed_date_without_any_contact_is_pending_with_no_basis() {
        // quota from known since: Mon 03-02 + 7 = 03-09
        assertThat(due(customer(A).knownSince("2026-03-02").agreed("2026-03-04")))
                .isEqualTo(expect("2026-03-04", AGREED_DATE, null, null));
    }

    @Test
    void an_agreed_date_is_due_even_when_the_tier_has_no_minimum() {
        VisitQuotas noMinimumForC = quotas(C, new TierCadence(Cadence.NONE, Cadence.NONE));
        assertThat(due(customer(C).contact("2026-03-02").agreed("2026-05-06"), noMinimumForC))
                .isEqualTo(expect("2026-05-06", AGREED_DATE, "2026-03-02", null));
    }
}

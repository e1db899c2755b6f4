package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.DueRule.ANY_CONTACT;
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
 * Intervals are days, not months: month ends, February 29 and the year end.
 * Expected dates are worked out by hand from the calendar; the comments show how. Unless a test
 * says otherwise the quotas are the defaults and the calendar is Monday to Friday.
 */
class FollowUpMonthEndTest {

    private final VisitQuotas daily = quotas(A, new TierCadence(Cadence.every(1), Cadence.NONE));

    @Test
    void thirty_days_after_january_31_is_in_march() {
        // 2026: Jan 31 + 28 = Feb 28, + 30 = Mon Mar 2 (not "one month later")
        assertThat(due(customer(C).contact("2026-01-31")))
                .isEqualTo(expect("2026-03-02", ANY_CONTACT, "2026-01-31", 30));
        // 2027: Jan 31 + 30 = Tue Mar 2
        assertThat(due(customer(C).contact("2027-01-31")))
                .isEqualTo(expect("2027-03-02", ANY_CONTACT, "2027-01-31", 30));
    }

    @Test
    void a_leap_year_reaches_february_29() {
        // 2028: Jan 30 + 30 = Tue Feb 29; Jan 31 + 30 = Wed Mar 1
        assertThat(due(customer(C).contact("2028-01-30")))
                .isEqualTo(expect("2028-02-29", ANY_CONTACT, "2028-01-30", 30));
        assertThat(due(customer(C).contact("2028-01-31")))
                .isEqualTo(expect("2028-03-01", ANY_CONTACT, "2028-01-31", 30));
    }

    @Test
    void a_week_across_february_29() {
        // Tue 2028-02-22 + 7 = Tue 02-29; Tue 02-29 + 7 = Tue 03-07
        assertThat(due(customer(A).contact("2028-02-22").visit("2028-02-22")))
                .isEqualTo(expect("2028-02-29", ANY_CONTACT, "2028-02-22", 7));
        assertThat(due(customer(A).contact("2028-02-29").visit("2028-02-29")))
                .isEqualTo(expect("2028-03-07", ANY_CONTACT, "2028-02-29", 7));
    }

    @Test
    void the_day_after_february_28() {
        // Sun 2027-02-28 + 1 = Mon 2027-03-01; Mon 2028-02-28 + 1 = Tue 2028-02-29
        assertThat(due(customer(A).contact("2027-02-28"), daily))
                .isEqualTo(expect("2027-03-01", ANY_CONTACT, "2027-02-28", 1));
        assertThat(due(customer(A).contact("2028-02-28"), daily))
                .isEqualTo(expect("2028-02-29", ANY_CONTACT, "2028-02-28", 1));
    }

    @Test
    void a_friday_contact_with_a_daily_quota_is_due_on_monday() {
        // Fri 2027-12-31 + 1 = Sat 2028-01-01 → Mon 2028-01-03
        assertThat(due(customer(A).contact("2027-12-31"), daily))
                .isEqualTo(expect("2028-01-03", ANY_CONTACT, "2027-12-31", 1));
    }

    @Test
    void intervals_roll_over_the_year_end() {
        // A: Mon 2026-12-28 + 7 = Mon 2027-01-04
        assertThat(due(customer(A).contact("2026-12-28").visit("2026-12-28")))
                .isEqualTo(expect("2027-01-04", ANY_CONTACT, "2026-12-28", 7));
        // A: Sat 2026-12-26 + 7 = Sat 2027-01-02 → Mon 01-04
        assertThat(due(customer(A).contact("2026-12-26").visit("2026-12-26")))
                .isEqualTo(expect("2027-01-04", ANY_CONTACT, "2026-12-26", 7));
        // B: Thu 2026-12-24 + 14 = Thu 2027-01-07
        assertThat(due(customer(B).contact("2026-12-24").visit("2026-12-24")))
                .isEqualTo(expect("2027-01-07", ANY_CONTACT, "2026-12-24", 14));
        // C: Wed 2026-12-02 + 30 = Fri 2027-01-01, a working day without holidays
        assertThat(due(customer(C).contact("2026-12-02")))
                .isEqualTo(expect("2027-01-01", ANY_CONTACT, "2026-12-02", 30));
        // A: Mon 2027-12-27 + 7 = Mon 2028-01-03
        assertThat(due(customer(A).contact("2027-12-27").visit("2027-12-27")))
                .isEqualTo(expect("2028-01-03", ANY_CONTACT, "2027-12-27", 7));
    }
}

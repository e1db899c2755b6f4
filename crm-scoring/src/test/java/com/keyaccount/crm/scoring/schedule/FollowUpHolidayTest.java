package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.CHINA;
import static com.keyaccount.crm.scoring.schedule.DueRule.ANY_CONTACT;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.customer;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.due;
import static com.keyaccount.crm.scoring.schedule.ScheduleFixtures.expect;
import static com.keyaccount.crm.tier.Tier.A;
import static com.keyaccount.crm.tier.Tier.B;
import static com.keyaccount.crm.tier.Tier.C;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Quota dates that fall on the 2025/2026 Chinese holidays, weekends and make-up days.
 * Expected dates are worked out by hand from the calendar; the comments show how. Unless a test
 * says otherwise the quotas are the defaults and the calendar is Monday to Friday.
 */
class FollowUpHolidayTest {

    @Test
    void a_date_on_the_spring_festival_moves_past_the_block() {
        // Tue 02-10 + 7 = Tue 02-17 (初一) → Tue 02-24
        assertThat(due(customer(A).contact("2026-02-10").visit("2026-02-10"), CHINA))
                .isEqualTo(expect("2026-02-24", ANY_CONTACT, "2026-02-10", 7));
    }

    @Test
    void a_date_on_the_last_holiday_moves_one_day() {
        // a call on Mon 02-16 (holiday) + 7 = Mon 02-23, last day of 春节 → Tue 02-24
        assertThat(due(customer(A).contact("2026-02-16").visit("2026-02-10"), CHINA))
                .isEqualTo(expect("2026-02-24", ANY_CONTACT, "2026-02-16", 7));
    }

    @Test
    void a_date_on_an_ordinary_saturday_moves_to_monday() {
        // C: Thu 02-05 + 30 = Sat 03-07 → Mon 03-09
        assertThat(due(customer(C).contact("2026-02-05"), CHINA))
                .isEqualTo(expect("2026-03-09", ANY_CONTACT, "2026-02-05", 30));
    }

    @Test
    void a_date_on_a_make_up_saturday_stays() {
        // C: Thu 01-15 + 30 = Sat 02-14, make-up day
        assertThat(due(customer(C).contact("2026-01-15"), CHINA))
                .isEqualTo(expect("2026-02-14", ANY_CONTACT, "2026-01-15", 30));
        // B: Sat 02-14 + 14 = Sat 02-28, make-up day; visit 02-14 + 90 is in May
        assertThat(due(customer(B).contact("2026-02-14").visit("2026-02-14"), CHINA))
                .isEqualTo(expect("2026-02-28", ANY_CONTACT, "2026-02-14", 14));
    }

    @Test
    void the_same_saturday_moves_without_the_make_up_day() {
        // C: Thu 01-15 + 30 = Sat 02-14 → Mon 02-16 when Saturday is just a Saturday
        assertThat(due(customer(C).contact("2026-01-15")))
                .isEqualTo(expect("2026-02-16", ANY_CONTACT, "2026-01-15", 30));
    }

    @Test
    void a_date_on_a_make_up_sunday_stays() {
        // C: Fri 2026-08-21 + 30 = Sun 09-20, make-up day before 国庆
        assertThat(due(customer(C).contact("2026-08-21"), CHINA))
                .isEqualTo(expect("2026-09-20", ANY_CONTACT, "2026-08-21", 30));
    }

    @Test
    void a_date_in_the_national_day_block_moves_past_it() {
        // A: Thu 09-24 + 7 = Thu 10-01 → Thu 10-08
        assertThat(due(customer(A).contact("2026-09-24").visit("2026-09-24"), CHINA))
                .isEqualTo(expect("2026-10-08", ANY_CONTACT, "2026-09-24", 7));
        // B: Mon 09-21 + 14 = Mon 10-05 → Thu 10-08
        assertThat(due(customer(B).contact("2026-09-21").visit("2026-09-21"), CHINA))
                .isEqualTo(expect("2026-10-08", ANY_CONTACT, "2026-09-21", 14));
    }

    @Test
    void after_national_day_the_make_up_saturday_stays_and_the_sunday_moves() {
        // C: Thu 09-10 + 30 = Sat 10-10, make-up day
        assertThat(due(customer(C).contact("2026-09-10"), CHINA))
                .isEqualTo(expect("2026-10-10", ANY_CONTACT, "2026-09-10", 30));
        // C: Fri 09-11 + 30 = Sun 10-11 → Mon 10-12
        assertThat(due(customer(C).contact("2026-09-11"), CHINA))
                .isEqualTo(expect("2026-10-12", ANY_CONTACT, "2026-09-11", 30));
    }

    @Test
    void new_year_moves_to_the_make_up_sunday_of_the_next_year() {
        // A: Thu 2025-12-25 + 7 = Thu 2026-01-01 (元旦, to Sat 01-03) → Sun 01-04, make-up day
        assertThat(due(customer(A).contact("2025-12-25").visit("2025-12-25"), CHINA))
                .isEqualTo(expect("2026-01-04", ANY_CONTACT, "2025-12-25", 7));
    }

    @Test
    void national_day_2025_has_eight_days() {
        // A: Wed 09-24 + 7 = Wed 10-01 → Thu 10-09
        assertThat(due(customer(A).contact("2025-09-24").visit("2025-09-24"), CHINA))
                .isEqualTo(expect("2025-10-09", ANY_CONTACT, "2025-09-24", 7));
        // A: Wed 10-01 + 7 = Wed 10-08, the eighth holiday → Thu 10-09
        assertThat(due(customer(A).contact("2025-10-01").visit("2025-10-01"), CHINA))
                .isEqualTo(expect("2025-10-09", ANY_CONTACT, "2025-10-01", 7));
    }

    @Test
    void national_day_2025_make_up_days_stay() {
        // C: Thu 09-11 + 30 = Sat 10-11, make-up day
        assertThat(due(customer(C).contact("2025-09-11"), CHINA))
                .isEqualTo(expect("2025-10-11", ANY_CONTACT, "2025-09-11", 30));
        // C: Fri 08-29 + 30 = Sun 09-28, make-up day
        assertThat(due(customer(C).contact("2025-08-29"), CHINA))
                .isEqualTo(expect("2025-09-28", ANY_CONTACT, "2025-08-29", 30));
    }
}

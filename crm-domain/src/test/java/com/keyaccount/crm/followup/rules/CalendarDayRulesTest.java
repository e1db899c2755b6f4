package com.keyaccount.crm.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarDayRulesTest {

    @Test
    void a_make_up_working_day_must_fall_on_a_weekend() {
        // 2026-09-20 is a Sunday, 2026-09-21 a Monday
        assertThat(CalendarDayRules.check(LocalDate.of(2026, 9, 20), false)).isEmpty();
        assertThat(CalendarDayRules.check(LocalDate.of(2026, 10, 10), false)).as("Saturday").isEmpty();
        assertThat(CalendarDayRules.check(LocalDate.of(2026, 9, 21), false))
                .contains(CalendarDayRules.Problem.WORKDAY_NOT_ON_WEEKEND);
    }

    @Test
    void a_holiday_on_a_weekday_is_fine_and_on_a_weekend_only_warned_about() {
        assertThat(CalendarDayRules.check(LocalDate.of(2026, 10, 1), true)).as("Thursday").isEmpty();
        assertThat(CalendarDayRules.check(LocalDate.of(2026, 10, 3), true))
                .as("Saturday").contains(CalendarDayRules.Problem.HOLIDAY_ON_WEEKEND);
    }
}

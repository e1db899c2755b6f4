package com.keyaccount.crm.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.shared.rules.Violation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarDayRulesTest {

    @Test
    void a_make_up_working_day_must_fall_on_a_weekend() {
        // 2026-09-20 is a Sunday, 2026-09-21 a Monday
        assertThat(CalendarDayRules.violations(LocalDate.of(2026, 9, 20), false)).isEmpty();
        assertThat(CalendarDayRules.violations(LocalDate.of(2026, 10, 10), false)).as("Saturday").isEmpty();
        assertThat(CalendarDayRules.violations(LocalDate.of(2026, 9, 21), false))
                .containsExactly(Violation.of("kind", CalendarDayRules.WORKDAY_ON_WEEKDAY));
        assertThat(CalendarDayRules.warnings(LocalDate.of(2026, 9, 21), false)).isEmpty();
    }

    @Test
    void a_holiday_on_a_weekday_is_fine_and_on_a_weekend_only_warned_about() {
        assertThat(CalendarDayRules.violations(LocalDate.of(2026, 10, 1), true)).as("Thursday").isEmpty();
        assertThat(CalendarDayRules.warnings(LocalDate.of(2026, 10, 1), true)).as("Thursday").isEmpty();
        assertThat(CalendarDayRules.violations(LocalDate.of(2026, 10, 3), true)).as("Saturday").isEmpty();
        assertThat(CalendarDayRules.warnings(LocalDate.of(2026, 10, 3), true))
                .as("Saturday").containsExactly(Violation.of("kind", CalendarDayRules.HOLIDAY_ON_WEEKEND));
    }
}

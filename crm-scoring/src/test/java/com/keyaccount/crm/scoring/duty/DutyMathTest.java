package com.keyaccount.crm.scoring.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the duties ask of a person in a period; figures worked out by hand from a calendar. */
class DutyMathTest {

    @Test
    void a_duty_owes_one_contact_per_whole_interval_in_the_period() {
        LocalDate first = LocalDate.of(2026, 9, 1);
        // September has 30 days: a monthly visit once, visits every 15 days twice, a weekly call four times
        assertThat(DutyMath.required(30, first, LocalDate.of(2026, 9, 30))).isEqualTo(1);
        assertThat(DutyMath.required(15, first, LocalDate.of(2026, 9, 30))).isEqualTo(2);
        assertThat(DutyMath.required(7, first, LocalDate.of(2026, 9, 30))).isEqualTo(4);
        // a province manager's visit every 60 days is not yet owed in one month
        assertThat(DutyMath.required(60, first, LocalDate.of(2026, 9, 30))).isZero();
        assertThat(DutyMath.required(null, first, LocalDate.of(2026, 9, 30))).isZero();
        assertThatThrownBy(() -> DutyMath.required(7, first, first.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void days_at_key_accounts_are_asked_in_proportion_to_the_months_the_period_covers() {
        assertThat(DutyMath.daysRequired(10, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30))).isEqualTo(10);
        // a quarter asks three months' days
        assertThat(DutyMath.daysRequired(10, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30))).isEqualTo(30);
        // half of September (15 of 30 days) asks 5; the first 10 days of a 31-day month 10 × 10 / 31 = 3.2 → 3
        assertThat(DutyMath.daysRequired(10, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 15))).isEqualTo(5);
        assertThat(DutyMath.daysRequired(10, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 10))).isEqualTo(3);
        // across a month end: Sep 16–30 (15 of 30 → 5) and Oct 1–15 (15 of 31 → 4.84): 9.84 → 9
        assertThat(DutyMath.daysRequired(10, LocalDate.of(2026, 9, 16), LocalDate.of(2026, 10, 15))).isEqualTo(9);
        assertThat(DutyMath.daysRequired(null, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30))).isZero();
    }

    @Test
    void only_distinct_working_days_count_as_days_at_key_accounts() {
        // 2026-10-01 is National Day, 10-03 a Saturday, 10-10 a make-up working Saturday (as configured here)
        WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.of(2026, 10, 1)), Set.of(LocalDate.of(2026, 10, 10)));
        List<LocalDate> visits = List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 9),
                LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 10));
        assertThat(DutyMath.workingDays(visits, calendar)).isEqualTo(2);
    }

    @Test
    void a_duty_falls_due_its_interval_after_the_last_contact_and_at_once_without_one() {
        LocalDate today = LocalDate.of(2026, 9, 18);
        assertThat(DutyMath.dueOn(LocalDate.of(2026, 9, 17), 1, today)).isEqualTo(today);
        assertThat(DutyMath.dueOn(LocalDate.of(2026, 9, 1), 30, today)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(DutyMath.dueOn(null, 30, today)).isEqualTo(today);
    }
}

package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.CHINA;
import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTest {

    // ---- isWorkingDay

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2026-02-13, true",   // Friday before 春节
        "2026-02-14, true",   // Saturday make-up day
        "2026-02-15, false",  // Sunday, first day of the 春节 block
        "2026-02-16, false",  // Monday holiday
        "2026-02-17, false",  // Tuesday, 初一
        "2026-02-21, false",  // Saturday inside the block
        "2026-02-23, false",  // Monday, last day of the block
        "2026-02-24, true",   // Tuesday, first day back
        "2026-02-28, true",   // Saturday make-up day
        "2026-03-01, false",  // ordinary Sunday
        "2026-03-07, false",  // ordinary Saturday
        "2026-03-06, true",   // ordinary Friday
        "2026-01-01, false",  // 元旦, Thursday
        "2026-01-03, false",  // 元旦, Saturday
        "2026-01-04, true",   // Sunday make-up day
        "2026-09-20, true",   // Sunday make-up day before 国庆
        "2026-10-07, false",  // Wednesday, last day of 国庆
        "2026-10-08, true",   // Thursday, first day back
        "2026-10-10, true",   // Saturday make-up day
        "2026-10-11, false",  // ordinary Sunday
        "2025-09-28, true",   // Sunday make-up day
        "2025-10-08, false",  // Wednesday, last day of 国庆 2025
        "2025-10-09, true",   // Thursday, first day back
        "2025-10-11, true"})  // Saturday make-up day
    void follows_the_2025_and_2026_arrangements(LocalDate day, boolean working) {
        assertThat(CHINA.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void without_holidays_it_is_monday_to_friday() {
        // 2026-02-16 is a Monday: a holiday only in the Chinese calendar
        assertThat(WorkingCalendar.WEEKDAYS_ONLY.isWorkingDay(date("2026-02-16"))).isTrue();
        assertThat(WorkingCalendar.WEEKDAYS_ONLY.isWorkingDay(date("2026-02-14"))).isFalse(); // Saturday
        assertThat(WorkingCalendar.WEEKDAYS_ONLY.isWorkingDay(date("2026-02-15"))).isFalse(); // Sunday
    }

    @Test
    void a_date_listed_both_as_holiday_and_make_up_day_is_a_working_day() {
        LocalDate saturday = date("2026-05-09");
        LocalDate monday = date("2026-05-11");
        WorkingCalendar both = new WorkingCalendar(Set.of(saturday, monday), Set.of(saturday, monday));
        assertThat(both.isWorkingDay(saturday)).isTrue();
        assertThat(both.isWorkingDay(monday)).isTrue();
    }

    @Test
    void a_make_up_day_on_a_weekday_changes_nothing() {
        WorkingCalendar calendar = new WorkingCalendar(Set.of(), Set.of(date("2026-05-11"))); // Monday
        assertThat(calendar.isWorkingDay(date("2026-05-11"))).isTrue();
    }

    // ---- onOrNextWorkingDay

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "2026-02-13, 2026-02-13",  // working Friday stays
        "2026-02-14, 2026-02-14",  // make-up Saturday stays
        "2026-02-15, 2026-02-24",  // first 春节 day → Tuesday after the block
        "2026-02-21, 2026-02-24",  // Saturday inside the block
        "2026-02-23, 2026-02-24",  // last 春节 day
        "2026-02-28, 2026-02-28",  // make-up Saturday stays
        "2026-03-01, 2026-03-02",  // ordinary Sunday → Monday
        "2026-03-07, 2026-03-09",  // ordinary Saturday → Monday
        "2025-12-31, 2025-12-31",  // Wednesday before 元旦
        "2026-01-01, 2026-01-04",  // 元旦 Thu..Sat → the Sunday make-up day
        "2026-09-19, 2026-09-20",  // Saturday → Sunday make-up day
        "2026-10-01, 2026-10-08",  // 国庆 → Thursday after the block
        "2026-10-03, 2026-10-08",  // Saturday inside 国庆
        "2026-10-10, 2026-10-10",  // make-up Saturday stays
        "2026-10-11, 2026-10-12",  // Sunday after it → Monday
        "2025-10-01, 2025-10-09",  // 国庆 2025 → Thursday after the block
        "2025-10-04, 2025-10-09",  // Saturday inside 国庆 2025
        "2025-09-27, 2025-09-28"}) // Saturday → Sunday make-up day
    void moves_to_the_first_working_day(LocalDate day, LocalDate expected) {
        assertThat(CHINA.onOrNextWorkingDay(day)).isEqualTo(expected);
    }

    @Test
    void without_holidays_a_sunday_moves_to_monday() {
        assertThat(WorkingCalendar.WEEKDAYS_ONLY.onOrNextWorkingDay(date("2026-02-15")))
                .isEqualTo(date("2026-02-16"));
    }

    // ---- workingDaysBetween

    @ParameterizedTest(name = "({0}, {1}] → {2}")
    @CsvSource({
        "2026-02-15, 2026-02-15, 0",   // same day, a holiday
        "2026-02-24, 2026-02-24, 0",   // same day, a working day
        "2026-02-12, 2026-02-13, 1",   // Thursday → Friday
        "2026-02-13, 2026-02-14, 1",   // the make-up Saturday counts
        "2026-02-14, 2026-02-23, 0",   // all nine days of 春节
        "2026-02-13, 2026-02-24, 2",   // 14 (make-up) + 24; 15..23 are holidays
        "2026-02-24, 2026-02-13, -2",  // the same span backwards
        "2026-01-31, 2026-02-28, 16",  // Feb: 20 weekdays - 6 weekday holidays + 2 make-up Saturdays
        "2026-09-18, 2026-09-21, 2",   // Sat 19 no, Sun 20 make-up yes, Mon 21 yes
        "2026-09-30, 2026-10-12, 4",   // 8, 9, Sat 10 (make-up), 12; Sun 11 and 1..7 not
        "2026-10-12, 2026-09-30, -4",
        "2025-12-31, 2026-01-05, 2",   // Jan 1..3 holidays, Sun 4 make-up, Mon 5
        "2026-03-07, 2026-03-09, 1",   // Saturday → Monday: only Monday is in (from, to]
        "2026-03-09, 2026-03-07, -1",  // backwards: working days in (Sat, Mon] negated
        "2026-03-06, 2026-03-09, 1",   // Friday → Monday
        "2026-03-09, 2026-03-06, -1"}) // Monday → Friday: (Fri, Mon] holds Monday only
    void counts_working_days_in_the_half_open_range(LocalDate from, LocalDate to, int expected) {
        assertThat(CHINA.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void a_whole_year_counts_its_weekdays_less_holidays_plus_make_up_days() {
        // 2026 starts on a Thursday: 52 weeks + Thursday 12-31 = 261 weekdays;
        // weekday holidays here: 元旦 1, 2; 春节 16..20, 23; 国庆 1, 2, 5, 6, 7 = 13; make-up days 5
        assertThat(CHINA.workingDaysBetween(date("2025-12-31"), date("2026-12-31"))).isEqualTo(253);
    }

    @Test
    void ranges_of_several_years_are_counted() {
        // 2025, 2026 and 2027 each have 261 weekdays (each is 52 weeks plus one weekday)
        assertThat(WorkingCalendar.WEEKDAYS_ONLY.workingDaysBetween(date("2024-12-31"), date("2027-12-31")))
                .isEqualTo(783);
        assertThat(WorkingCalendar.WEEKDAYS_ONLY.workingDaysBetween(date("2027-12-31"), date("2024-12-31")))
                .isEqualTo(-783);
    }
}

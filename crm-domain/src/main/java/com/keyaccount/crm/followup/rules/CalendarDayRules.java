package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * What may be declared on a date of the business calendar. A make-up working day (调休上班)
 * only means something on a Saturday or Sunday: a weekday is a working day anyway. A holiday on
 * a weekend changes nothing either, but notices do list weekend days inside a holiday block
 * (e.g. 国庆 10-01..07), so it is allowed with a warning rather than refused.
 */
public final class CalendarDayRules {

    /** On the day's kind: an error. */
    public static final String WORKDAY_ON_WEEKDAY = "workdayOnWeekday";
    /** On the day's kind: a warning, the day is off anyway. */
    public static final String HOLIDAY_ON_WEEKEND = "holidayOnWeekend";

    private CalendarDayRules() {
    }

    public static List<Violation> violations(LocalDate day, boolean holiday) {
        return !holiday && !weekend(day) ? List.of(Violation.of("kind", WORKDAY_ON_WEEKDAY)) : List.of();
    }

    public static List<Violation> warnings(LocalDate day, boolean holiday) {
        return holiday && weekend(day) ? List.of(Violation.of("kind", HOLIDAY_ON_WEEKEND)) : List.of();
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}

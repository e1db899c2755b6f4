package com.keyaccount.crm.followup.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What may be declared on a date of the business calendar. A make-up working day (调休上班)
 * only means something on a Saturday or Sunday: a weekday is a working day anyway. A holiday on
 * a weekend changes nothing either, but notices do list weekend days inside a holiday block
 * (e.g. 国庆 10-01..07), so it is allowed with a warning rather than refused.
 */
public final class CalendarDayRules {

    public enum Problem {
        /** Error: a make-up working day must be a Saturday or Sunday. */
        WORKDAY_NOT_ON_WEEKEND,
        /** Warning: the day is off anyway. */
        HOLIDAY_ON_WEEKEND
    }

    private CalendarDayRules() {
    }

    public static Optional<Problem> check(LocalDate day, boolean holiday) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (!holiday && !weekend) {
            return Optional.of(Problem.WORKDAY_NOT_ON_WEEKEND);
        }
        if (holiday && weekend) {
            return Optional.of(Problem.HOLIDAY_ON_WEEKEND);
        }
        return Optional.empty();
    }
}

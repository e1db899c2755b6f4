package com.keyaccount.crm.scoring.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Business days in mainland China: Monday to Friday, except public holidays, plus the weekend
 * days declared make-up working days (调休上班).
 *
 * <p>A date listed both as a holiday and as a make-up workday is a working day: the make-up
 * list is the more specific declaration, and a doubly listed date is a data-entry slip far more
 * often than a genuine day off.
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

    public static final WorkingCalendar WEEKDAYS_ONLY = new WorkingCalendar(Set.of(), Set.of());

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The day itself when it is a working day, otherwise the next working day. Terminates because
     * the holiday set is finite: past its last date every Monday is a working day.
     */
    public LocalDate onOrNextWorkingDay(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorkingDay(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }

    /**
     * Working days in (from, to]; when {@code to} is before {@code from}, minus the working days
     * in (to, from], so that {@code between(a, b) + between(b, c) == between(a, c)}; 0 when equal.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}

package com.keyaccount.crm.scoring.schedule;

import java.time.LocalDate;
import java.util.Set;

/**
 * Business days in mainland China: Monday to Friday, except public holidays, plus the weekend
 * days declared make-up working days (调休上班).
 */
public record WorkingCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {

    public static final WorkingCalendar WEEKDAYS_ONLY = new WorkingCalendar(Set.of(), Set.of());

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkdays = Set.copyOf(makeUpWorkdays);
    }

    public boolean isWorkingDay(LocalDate day) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The day itself when it is a working day, otherwise the next working day. */
    public LocalDate onOrNextWorkingDay(LocalDate day) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Working days in (from, to]; negative when {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("TODO");
    }
}

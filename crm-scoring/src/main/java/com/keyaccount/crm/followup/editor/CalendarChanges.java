package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.application.CalendarDay;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a calendar draft changes, date by date: days it adds or replaces ({@code puts}) and dates
 * it takes out ({@code removals}). Dates it does not touch stay as they are in force.
 */
public record CalendarChanges(SortedMap<LocalDate, CalendarDay> puts, SortedSet<LocalDate> removals) {

    public static final CalendarChanges NONE = new CalendarChanges(new TreeMap<>(), new TreeSet<>());

    public CalendarChanges {
        puts = Collections.unmodifiableSortedMap(new TreeMap<>(puts));
        removals = Collections.unmodifiableSortedSet(new TreeSet<>(removals));
    }

    public int count() {
        return puts.size() + removals.size();
    }

    /** Every date touched, in order. */
    public SortedSet<LocalDate> dates() {
        SortedSet<LocalDate> dates = new TreeSet<>(puts.keySet());
        dates.addAll(removals);
        return dates;
    }

    CalendarChanges put(CalendarDay day) {
        SortedMap<LocalDate, CalendarDay> next = new TreeMap<>(puts);
        next.put(day.day(), day);
        return new CalendarChanges(next, without(removals, day.day()));
    }

    CalendarChanges remove(LocalDate date) {
        SortedSet<LocalDate> next = new TreeSet<>(removals);
        next.add(date);
        return new CalendarChanges(without(puts, date), next);
    }

    CalendarChanges undo(LocalDate date) {
        return new CalendarChanges(without(puts, date), without(removals, date));
    }

    /** The calendar in force with these changes made. */
    WorkingCalendar applyTo(WorkingCalendar calendar) {
        Set<LocalDate> holidays = new HashSet<>(calendar.holidays());
        Set<LocalDate> workdays = new HashSet<>(calendar.makeUpWorkdays());
        for (LocalDate date : dates()) {
            holidays.remove(date);
            workdays.remove(date);
        }
        puts.values().forEach(d -> (d.kind() == CalendarDay.Kind.HOLIDAY ? holidays : workdays).add(d.day()));
        return new WorkingCalendar(holidays, workdays);
    }

    private static SortedMap<LocalDate, CalendarDay> without(Map<LocalDate, CalendarDay> days, LocalDate date) {
        SortedMap<LocalDate, CalendarDay> next = new TreeMap<>(days);
        next.remove(date);
        return next;
    }

    private static SortedSet<LocalDate> without(Set<LocalDate> dates, LocalDate date) {
        SortedSet<LocalDate> next = new TreeSet<>(dates);
        next.remove(date);
        return next;
    }
}

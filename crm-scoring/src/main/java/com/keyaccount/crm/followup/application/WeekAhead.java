package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The week view of My day: the next {@value #DAYS} days from today, each marked working day,
 * weekend, holiday or make-up working day (调休) from the business calendar, with the customers
 * due that day. Overdue customers are counted, not listed: My day lists them.
 */
@Service
@Transactional(readOnly = true)
public class WeekAhead {

    public static final int DAYS = 7;
    /** Customers listed under one day; the day's count is always exact. */
    public static final int PER_DAY = 50;

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final MyDay myDay;
    private final DueRows dueRows;

    WeekAhead(JdbcTemplate jdbc, BusinessCalendar calendar, MyDay myDay, DueRows dueRows) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.myDay = myDay;
        this.dueRows = dueRows;
    }

    public enum Kind {
        WORKING,
        WEEKEND,
        HOLIDAY,
        /** a weekend day declared a working day (调休上班) */
        MAKE_UP
    }

    /**
     * One day of the week.
     *
     * @param named the holiday or make-up working day as the calendar names it, or null
     */
    public record Day(LocalDate day, Kind kind, CalendarDay named, List<DueCustomer> due, long total) {

        public boolean isToday(LocalDate today) {
            return day.equals(today);
        }

        public boolean isWorkingDay() {
            return kind == Kind.WORKING || kind == Kind.MAKE_UP;
        }

        public boolean hasMore() {
            return total > due.size();
        }
    }

    public record View(long ownerId, LocalDate today, DueFilter filter, long overdue, List<Day> days) {
    }

    public View of(long ownerId, DueFilter filter) {
        LocalDate today = myDay.today();
        LocalDate last = today.plusDays(DAYS - 1L);
        WorkingCalendar working = calendar.workingCalendar();
        Map<LocalDate, CalendarDay> named = calendar.between(today, last).stream()
                .collect(Collectors.toMap(CalendarDay::day, Function.identity()));

        List<Object> args = new ArrayList<>(List.of(ownerId, Date.valueOf(today), Date.valueOf(last)));
        String filtered = filter.sql(args);
        args.add(PER_DAY);
        Map<LocalDate, List<DueCustomer>> due = new HashMap<>();
        Map<LocalDate, Long> totals = new HashMap<>();
        jdbc.query("""
                SELECT * FROM (
                    SELECT %s,
                           ROW_NUMBER() OVER (PARTITION BY f.due_on ORDER BY f.tier, %s) AS rn,
                           COUNT(*) OVER (PARTITION BY f.due_on) AS day_total
                    FROM %s
                    WHERE f.owner_id = ? AND f.due_on BETWEEN ? AND ?%s) x
                WHERE rn <= ? ORDER BY due_on, rn""".formatted(DueRows.COLUMNS, DueRows.SERVE_FIRST, DueRows.FROM, filtered), rs -> {
                    DueCustomer row = DueRows.row(rs, today, working);
                    due.computeIfAbsent(row.dueOn(), d -> new ArrayList<>()).add(row);
                    totals.put(row.dueOn(), rs.getLong("day_total"));
                }, args.toArray());

        List<Object> overdueArgs = new ArrayList<>(List.of(ownerId, Date.valueOf(today)));
        String overdueFilter = filter.sql(overdueArgs);
        Long overdue = jdbc.queryForObject("SELECT COUNT(*) FROM follow_up f WHERE f.owner_id = ? AND f.due_on < ?"
                + overdueFilter, Long.class, overdueArgs.toArray());

        List<Day> days = new ArrayList<>();
        for (LocalDate day = today; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new Day(day, kind(day, working), named.get(day),
                    dueRows.withLeadStages(due.getOrDefault(day, List.of())), totals.getOrDefault(day, 0L)));
        }
        return new View(ownerId, today, filter, overdue == null ? 0 : overdue, days);
    }

    private static Kind kind(LocalDate day, WorkingCalendar working) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (working.isWorkingDay(day)) {
            return weekend ? Kind.MAKE_UP : Kind.WORKING;
        }
        return weekend && !working.holidays().contains(day) ? Kind.WEEKEND : Kind.HOLIDAY;
    }
}

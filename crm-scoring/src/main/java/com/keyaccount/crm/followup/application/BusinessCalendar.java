package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Public holidays and make-up working days (调休), as data in {@code calendar_day}. */
@Service
@RequiredArgsConstructor
public class BusinessCalendar {

    private final JdbcTemplate jdbc;

    public WorkingCalendar workingCalendar() {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        jdbc.query("SELECT calendar_date, kind FROM calendar_day", rs -> {
            LocalDate day = rs.getDate("calendar_date").toLocalDate();
            (CalendarDay.Kind.valueOf(rs.getString("kind")) == CalendarDay.Kind.HOLIDAY ? holidays : workdays).add(day);
        });
        return new WorkingCalendar(holidays, workdays);
    }

    /** Holidays and make-up working days in [from, to], in date order. */
    public List<CalendarDay> between(LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT calendar_date, kind, name_zh, name_en, provisional FROM calendar_day
                WHERE calendar_date BETWEEN ? AND ? ORDER BY calendar_date""",
                (rs, n) -> new CalendarDay(rs.getDate("calendar_date").toLocalDate(),
                        CalendarDay.Kind.valueOf(rs.getString("kind")), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getBoolean("provisional")),
                Date.valueOf(from), Date.valueOf(to));
    }
}

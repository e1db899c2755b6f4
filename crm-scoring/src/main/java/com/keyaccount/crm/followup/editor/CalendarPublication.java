package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.application.BusinessCalendar;
import com.keyaccount.crm.followup.application.CalendarDay;
import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.followup.rules.CalendarDayRules;
import com.keyaccount.crm.policy.AuditedChange;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.PolicyVersions;
import com.keyaccount.crm.policy.Published;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The published calendar is {@code calendar_day} itself, without version numbers: publishing
 * applies a draft's changes date by date, each audited as one day old → new.
 */
@Component
class CalendarPublication implements PolicyVersions<CalendarChanges> {

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final ScheduleRefresh refresh;

    CalendarPublication(JdbcTemplate jdbc, BusinessCalendar calendar, ScheduleRefresh refresh) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.refresh = refresh;
    }

    @Override
    public int inForce() {
        return 0;
    }

    /** A calendar draft starts empty: its changes are made to the calendar in force. */
    @Override
    public CalendarChanges content(int version) {
        return CalendarChanges.NONE;
    }

    /** Each day the draft puts must be one the calendar may hold. */
    @Override
    public List<Violation> violations(CalendarChanges changes) {
        List<Violation> found = new ArrayList<>();
        changes.puts().values().forEach(d -> CalendarDayRules.violations(d.day(), d.kind() == CalendarDay.Kind.HOLIDAY)
                .forEach(v -> found.add(v.under("puts[" + d.day() + "]"))));
        return found;
    }

    @Override
    public Published publish(Draft<CalendarChanges> draft, String by, Instant at) {
        CalendarChanges changes = draft.content();
        List<AuditedChange> audited = new ArrayList<>();
        if (changes.count() > 0) {
            Map<LocalDate, CalendarDay> current = new HashMap<>();
            calendar.between(changes.dates().first(), changes.dates().last()).forEach(d -> current.put(d.day(), d));
            for (LocalDate date : changes.dates()) {
                CalendarDay before = current.get(date);
                CalendarDay after = changes.puts().get(date);
                write(date, before, after);
                audited.add(new AuditedChange("CalendarDay", entityId(date), "calendarDay", describe(before),
                        describe(after)));
            }
        }
        return new Published(0, null, audited, null);
    }

    @Override
    public Scheduled catchUp(Published published, String by) {
        if (!published.changes().isEmpty()) {
            refresh.startAfterCommit("calendar changes");
        }
        return null;
    }

    private void write(LocalDate date, CalendarDay before, CalendarDay after) {
        Date day = Date.valueOf(date);
        if (after == null) {
            jdbc.update("DELETE FROM calendar_day WHERE calendar_date = ?", day);
        } else if (before == null) {
            jdbc.update("INSERT INTO calendar_day (calendar_date, kind, name_zh, name_en, provisional) "
                    + "VALUES (?, ?, ?, ?, ?)", day, after.kind().name(), after.nameZh(), after.nameEn(),
                    after.provisional());
        } else {
            jdbc.update("UPDATE calendar_day SET kind = ?, name_zh = ?, name_en = ?, provisional = ? "
                    + "WHERE calendar_date = ?", after.kind().name(), after.nameZh(), after.nameEn(),
                    after.provisional(), day);
        }
    }

    /** A date as the audit trail's record id: 2027-02-09 → 20270209, readable in the log. */
    static long entityId(LocalDate day) {
        return day.getYear() * 10_000L + day.getMonthValue() * 100L + day.getDayOfMonth();
    }

    /** "2027-02-09 HOLIDAY 春节 / Spring Festival (provisional)"; null for no day. */
    static String describe(CalendarDay day) {
        if (day == null) {
            return null;
        }
        return day.day() + " " + day.kind() + " " + day.nameZh() + " / " + day.nameEn()
                + (day.provisional() ? " (provisional)" : "");
    }
}

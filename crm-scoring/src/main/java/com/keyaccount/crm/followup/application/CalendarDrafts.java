package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins change the business calendar (holidays, 调休 make-up working days) through a draft of
 * per-date changes: preview on live data, then publish all of them in one transaction, each day
 * audited, and every customer's follow-up refreshed in the background.
 */
@Service
@RequiredArgsConstructor
public class CalendarDrafts {

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final SchedulePreviews previews;
    private final ScheduleRefresh refresh;
    private final Clock clock;

    public Optional<CalendarDraft> openDraft() {
        return jdbc.query("""
                SELECT d.id, d.created_by, d.created_at,
                       (SELECT COUNT(*) FROM calendar_draft_change c WHERE c.draft_id = d.id) AS changes
                FROM calendar_draft d""", (rs, n) -> new CalendarDraft(rs.getLong("id"), rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("changes")))
                .stream().findFirst();
    }

    public Optional<CalendarDraft> find(long id) {
        return openDraft().filter(d -> d.id() == id);
    }

    /** The year's days as in force, with the draft's pending changes (if {@code draftId} is given), by date. */
    public List<CalendarChange> year(int year, Long draftId) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<LocalDate, CalendarDay> current = new TreeMap<>();
        calendar.between(from, to).forEach(d -> current.put(d.day(), d));
        Map<LocalDate, Optional<CalendarDay>> changes = draftId == null ? Map.of() : changes(draftId, from, to);
        Set<LocalDate> days = new HashSet<>(current.keySet());
        days.addAll(changes.keySet());
        return days.stream().sorted().map(day -> {
            CalendarDay now = current.get(day);
            Optional<CalendarDay> change = changes.get(day);
            return change == null ? new CalendarChange(day, now, now, false)
                    : new CalendarChange(day, now, change.orElse(null), true);
        }).toList();
    }

    /** The proposed day on a date, or empty when the draft removes it. */
    private Map<LocalDate, Optional<CalendarDay>> changes(long draftId, LocalDate from, LocalDate to) {
        Map<LocalDate, Optional<CalendarDay>> changes = new TreeMap<>();
        jdbc.query("""
                SELECT calendar_date, action, kind, name_zh, name_en, provisional FROM calendar_draft_change
                WHERE draft_id = ? AND calendar_date BETWEEN ? AND ?""", rs -> {
                    LocalDate day = rs.getDate("calendar_date").toLocalDate();
                    changes.put(day, "REMOVE".equals(rs.getString("action")) ? Optional.empty()
                            : Optional.of(new CalendarDay(day, CalendarDay.Kind.valueOf(rs.getString("kind")),
                                    rs.getString("name_zh"), rs.getString("name_en"), rs.getBoolean("provisional"))));
                }, draftId, Date.valueOf(from), Date.valueOf(to));
        return changes;
    }

    /** The day on {@code date} as the draft would leave it (the one in force when the draft does not touch it). */
    public Optional<CalendarDay> proposedDay(long draftId, LocalDate date) {
        Optional<CalendarDay> change = changes(draftId, date, date).get(date);
        if (change != null) {
            return change;
        }
        return calendar.between(date, date).stream().findFirst();
    }

    /** Years the editor offers: those in the calendar, and last year to two years ahead of {@code today}. */
    public List<Integer> years(LocalDate today) {
        List<Integer> present = jdbc.queryForList("SELECT MIN(calendar_date) FROM calendar_day UNION ALL "
                + "SELECT MAX(calendar_date) FROM calendar_day", LocalDate.class).stream().filter(Objects::nonNull)
                .map(LocalDate::getYear).toList();
        int from = present.stream().reduce(today.getYear() - 1, Math::min);
        int to = present.stream().reduce(today.getYear() + 2, Math::max);
        List<Integer> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            years.add(year);
        }
        return years;
    }

    /** @throws DraftAlreadyOpenException when a draft is open already (one at a time) */
    @Transactional
    public long start(Viewer viewer) {
        requireAdmin(viewer);
        Optional<CalendarDraft> open = openDraft();
        if (open.isPresent()) {
            throw new DraftAlreadyOpenException(open.get().id());
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO calendar_draft (created_by, created_at) "
                    + "VALUES (?, ?)", new String[] {"id"});
            ps.setString(1, viewer.username());
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    /** Adds the day or replaces it, in the draft; the caller has checked it. */
    @Transactional
    public void put(Viewer viewer, long draftId, CalendarDay day) {
        requireAdmin(viewer);
        CalendarDay current = calendar.between(day.day(), day.day()).stream().findFirst().orElse(null);
        jdbc.update("DELETE FROM calendar_draft_change WHERE draft_id = ? AND calendar_date = ?", draftId,
                Date.valueOf(day.day()));
        if (!day.equals(current)) {
            jdbc.update("""
                    INSERT INTO calendar_draft_change (draft_id, calendar_date, action, kind, name_zh, name_en,
                        provisional) VALUES (?, ?, 'PUT', ?, ?, ?, ?)""", draftId, Date.valueOf(day.day()),
                    day.kind().name(), day.nameZh(), day.nameEn(), day.provisional());
        }
    }

    /** Takes the day out of the calendar, in the draft (a day only the draft added is simply dropped). */
    @Transactional
    public void remove(Viewer viewer, long draftId, LocalDate day) {
        requireAdmin(viewer);
        jdbc.update("DELETE FROM calendar_draft_change WHERE draft_id = ? AND calendar_date = ?", draftId,
                Date.valueOf(day));
        if (!calendar.between(day, day).isEmpty()) {
            jdbc.update("INSERT INTO calendar_draft_change (draft_id, calendar_date, action) VALUES (?, ?, 'REMOVE')",
                    draftId, Date.valueOf(day));
        }
    }

    /** Drops the draft's change of that day: the day stays as in force. */
    @Transactional
    public void undo(Viewer viewer, long draftId, LocalDate day) {
        requireAdmin(viewer);
        jdbc.update("DELETE FROM calendar_draft_change WHERE draft_id = ? AND calendar_date = ?", draftId,
                Date.valueOf(day));
    }

    /** The calendar as the draft would make it. */
    public WorkingCalendar proposedCalendar(long draftId) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        jdbc.query("""
                SELECT d.calendar_date, COALESCE(c.kind, d.kind) AS kind, c.action FROM calendar_day d
                LEFT JOIN calendar_draft_change c ON c.calendar_date = d.calendar_date AND c.draft_id = ?
                UNION ALL
                SELECT c.calendar_date, c.kind, c.action FROM calendar_draft_change c
                WHERE c.draft_id = ? AND c.action = 'PUT'
                AND NOT EXISTS (SELECT 1 FROM calendar_day d WHERE d.calendar_date = c.calendar_date)""", rs -> {
                    if ("REMOVE".equals(rs.getString("action"))) {
                        return;
                    }
                    LocalDate day = rs.getDate("calendar_date").toLocalDate();
                    ("HOLIDAY".equals(rs.getString("kind")) ? holidays : workdays).add(day);
                }, draftId, draftId);
        return new WorkingCalendar(holidays, workdays);
    }

    public SchedulePreview preview(long draftId, Long manager) {
        return previews.ofCalendar(proposedCalendar(draftId), manager);
    }

    /** Applies every change of the draft in one transaction, audits each day, closes the draft. */
    @Transactional
    public int publish(Viewer viewer, long draftId) {
        requireAdmin(viewer);
        List<CalendarChange> changes = new ArrayList<>();
        List<LocalDate> dates = jdbc.queryForList("SELECT calendar_date FROM calendar_draft_change WHERE draft_id = ? "
                + "ORDER BY calendar_date", LocalDate.class, draftId);
        if (!dates.isEmpty()) {
            LocalDate first = dates.get(0);
            LocalDate last = dates.get(dates.size() - 1);
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                year(year, draftId).stream().filter(CalendarChange::pending).forEach(changes::add);
            }
        }
        for (CalendarChange change : changes) {
            Date day = Date.valueOf(change.day());
            CalendarDay to = change.proposed();
            if (to == null) {
                jdbc.update("DELETE FROM calendar_day WHERE calendar_date = ?", day);
            } else if (change.current() == null) {
                jdbc.update("INSERT INTO calendar_day (calendar_date, kind, name_zh, name_en, provisional) "
                        + "VALUES (?, ?, ?, ?, ?)", day, to.kind().name(), to.nameZh(), to.nameEn(), to.provisional());
            } else {
                jdbc.update("UPDATE calendar_day SET kind = ?, name_zh = ?, name_en = ?, provisional = ? "
                        + "WHERE calendar_date = ?", to.kind().name(), to.nameZh(), to.nameEn(), to.provisional(), day);
            }
            audit.fieldChanged(viewer.username(), "CalendarDay", entityId(change.day()), null, "calendarDay",
                    describe(change.current()), describe(to));
        }
        jdbc.update("DELETE FROM calendar_draft WHERE id = ?", draftId);
        if (!changes.isEmpty()) {
            refresh.startAfterCommit("calendar changes");
        }
        return changes.size();
    }

    @Transactional
    public void discard(Viewer viewer, long draftId) {
        requireAdmin(viewer);
        jdbc.update("DELETE FROM calendar_draft WHERE id = ?", draftId);
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

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("change the business calendar");
        }
    }
}

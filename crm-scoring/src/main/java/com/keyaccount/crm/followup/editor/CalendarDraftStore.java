package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.application.CalendarDay;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.DraftStore;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Calendar drafts: {@code calendar_draft} with one {@code calendar_draft_change} row per date
 * (PUT a day, or REMOVE the date); the table's open slot allows one draft. It has no note.
 */
@Component
class CalendarDraftStore implements DraftStore<CalendarChanges> {

    private final JdbcTemplate jdbc;

    CalendarDraftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean oneAtATime() {
        return true;
    }

    @Override
    public List<Draft<CalendarChanges>> all() {
        return jdbc.queryForList("SELECT id FROM calendar_draft", Long.class).stream()
                .flatMap(id -> find(id).stream()).toList();
    }

    @Override
    public Optional<Draft<CalendarChanges>> find(long id) {
        SortedMap<LocalDate, CalendarDay> puts = new TreeMap<>();
        SortedSet<LocalDate> removals = new TreeSet<>();
        jdbc.query("SELECT calendar_date, action, kind, name_zh, name_en, provisional FROM calendar_draft_change "
                + "WHERE draft_id = ?", rs -> {
                    LocalDate day = rs.getDate("calendar_date").toLocalDate();
                    if ("REMOVE".equals(rs.getString("action"))) {
                        removals.add(day);
                    } else {
                        puts.put(day, new CalendarDay(day, CalendarDay.Kind.valueOf(rs.getString("kind")),
                                rs.getString("name_zh"), rs.getString("name_en"), rs.getBoolean("provisional")));
                    }
                }, id);
        CalendarChanges changes = new CalendarChanges(puts, removals);
        return jdbc.query("SELECT id, created_by, created_at, version FROM calendar_draft WHERE id = ?", (rs, n) -> {
            Instant created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
            return new Draft<>(rs.getLong("id"), 0, 0, changes, null, rs.getString("created_by"), created,
                    rs.getString("created_by"), created, rs.getLong("version"));
        }, id).stream().findFirst();
    }

    @Override
    public long insert(int basedOn, int copiedFrom, CalendarChanges changes, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO calendar_draft (created_by, created_at) "
                    + "VALUES (?, ?)", new String[] {"id"});
            ps.setString(1, by);
            ps.setTimestamp(2, Timestamp.from(at));
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        insertChanges(id, changes);
        return id;
    }

    @Override
    public boolean update(long id, long seenVersion, CalendarChanges changes, String note, String by, Instant at) {
        if (jdbc.update("UPDATE calendar_draft SET version = version + 1 WHERE id = ? AND version = ?", id,
                seenVersion) == 0) {
            return false;
        }
        jdbc.update("DELETE FROM calendar_draft_change WHERE draft_id = ?", id);
        insertChanges(id, changes);
        return true;
    }

    @Override
    public void delete(long id) {
        jdbc.update("DELETE FROM calendar_draft WHERE id = ?", id);
    }

    private void insertChanges(long id, CalendarChanges changes) {
        if (changes.count() == 0) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        changes.puts().values().forEach(d -> rows.add(new Object[] {id, Date.valueOf(d.day()), "PUT", d.kind().name(),
            d.nameZh(), d.nameEn(), d.provisional()}));
        changes.removals().forEach(date -> rows.add(new Object[] {id, Date.valueOf(date), "REMOVE", null, null, null,
            null}));
        jdbc.batchUpdate("INSERT INTO calendar_draft_change (draft_id, calendar_date, action, kind, name_zh, name_en, "
                + "provisional) VALUES (?, ?, ?, ?, ?, ?, ?)", rows, new int[] {Types.BIGINT, Types.DATE,
                    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN});
    }
}

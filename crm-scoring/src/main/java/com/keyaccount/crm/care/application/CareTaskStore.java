package com.keyaccount.crm.care.application;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code care_task}. A task is made at most once: its key is unique and a
 * second insert of the same key does nothing, whichever instance or job makes it.
 */
@Component
class CareTaskStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /**
     * PostgreSQL skips a key taken by a concurrent insert (ON CONFLICT); H2 has no such clause,
     * and the NOT EXISTS guard alone serves there (one embedded instance).
     */
    private final String onConflict;

    CareTaskStore(JdbcClient jdbc, JdbcTemplate template, com.keyaccount.crm.shared.DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.template = template;
        this.onConflict = vendor.isH2() ? "" : " ON CONFLICT DO NOTHING";
    }

    /** A task to make: {@code contactId} null for a customer's holiday or thank-you call. */
    record NewTask(String key, long customerId, Long contactId, String occasion, String occasionName,
            LocalDate occasionOn, long assigneeId) {
    }

    int insert(List<NewTask> tasks, Instant now) {
        if (tasks.isEmpty()) {
            return 0;
        }
        Timestamp at = Timestamp.from(now);
        int[][] counts = template.batchUpdate("""
                INSERT INTO care_task (task_key, customer_id, contact_id, occasion, occasion_name, occasion_on,
                    assignee_id, state, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, 'OPEN', ? FROM (VALUES (1)) one
                WHERE NOT EXISTS (SELECT 1 FROM care_task k WHERE k.task_key = ?)""" + onConflict, tasks, 500,
                (ps, t) -> {
                    ps.setString(1, t.key());
                    ps.setLong(2, t.customerId());
                    ps.setObject(3, t.contactId());
                    ps.setString(4, t.occasion());
                    ps.setString(5, t.occasionName());
                    ps.setDate(6, Date.valueOf(t.occasionOn()));
                    ps.setLong(7, t.assigneeId());
                    ps.setTimestamp(8, at);
                    ps.setString(9, t.key());
                });
        int made = 0;
        for (int[] batch : counts) {
            for (int n : batch) {
                made += Math.max(n, 0);
            }
        }
        return made;
    }

    /** Holiday tasks for every customer the SQL selects, in one statement; returns how many were new. */
    int insertHoliday(String holiday, LocalDate firstDay, String tiersIn, List<Object> tierArgs, Instant now) {
        List<Object> args = new java.util.ArrayList<>();
        args.add("HOLIDAY:");
        args.add(":-:" + holiday + firstDay.getYear());
        args.add(holiday);
        args.add(Date.valueOf(firstDay));
        args.add(Timestamp.from(now));
        args.addAll(tierArgs);
        args.add(holiday);
        args.add(Date.valueOf(firstDay));
        return jdbc.sql("""
                INSERT INTO care_task (task_key, customer_id, occasion, occasion_name, occasion_on, assignee_id,
                    state, created_at)
                SELECT CONCAT(?, CAST(c.id AS VARCHAR(20)), ?), c.id, 'HOLIDAY', ?, ?, c.owner_id, 'OPEN', ?
                FROM customer c JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.deleted = FALSE AND c.status IN ('ACTIVE', 'DORMANT') AND t.effective_tier IN (%s)
                  AND NOT EXISTS (SELECT 1 FROM care_task k WHERE k.customer_id = c.id AND k.occasion = 'HOLIDAY'
                      AND k.occasion_name = ? AND k.occasion_on = ?)""".formatted(tiersIn) + onConflict)
                .params(args).update();
    }

    /** Saves a state change made against {@code version}; false when someone changed it first. */
    boolean close(long id, long version, String state, String gift, BigDecimal cost, LocalDate doneOn, String note,
            String requestedBy, String by, Instant at) {
        return jdbc.sql("""
                UPDATE care_task SET state = ?, gift = ?, cost = ?, done_on = ?, note = ?, requested_by = ?,
                    closed_by = ?, closed_at = ?, rejected_note = NULL, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(state, gift, cost, doneOn == null ? null : Date.valueOf(doneOn), note, requestedBy, by,
                        Timestamp.from(at), id, version)
                .update() == 1;
    }

    boolean decide(long id, long version, boolean approved, String rejectedNote, String by, Instant at) {
        return jdbc.sql("""
                UPDATE care_task SET state = ?, decided_by = ?, decided_at = ?, rejected_note = ?,
                    version = version + 1
                WHERE id = ? AND version = ? AND state = 'PENDING_APPROVAL'""")
                .params(approved ? "DONE" : "OPEN", by, Timestamp.from(at), rejectedNote, id, version)
                .update() == 1;
    }

    boolean assign(long id, long version, long assigneeId) {
        return jdbc.sql("UPDATE care_task SET assignee_id = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(assigneeId, id, version).update() == 1;
    }
}

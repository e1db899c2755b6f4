package com.keyaccount.crm.followup.application;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The one writer of {@code follow_up_reschedule}: at most one row per customer. */
@Component
class RescheduleStore {

    private final JdbcTemplate jdbc;

    RescheduleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Reschedule> find(long customerId) {
        return jdbc.query("""
                SELECT r.customer_id, r.due_on, r.reason, r.note, u.display_name, r.set_at
                FROM follow_up_reschedule r JOIN app_user u ON u.id = r.set_by_id
                WHERE r.customer_id = ?""", (rs, n) -> new Reschedule(rs.getLong("customer_id"),
                        rs.getDate("due_on").toLocalDate(), RescheduleReason.valueOf(rs.getString("reason")),
                        rs.getString("note"), rs.getString("display_name"),
                        rs.getObject("set_at", OffsetDateTime.class).toInstant()), customerId)
                .stream().findFirst();
    }

    /**
     * Sets (or replaces) the customer's rescheduled day. The customer's row is locked first, so
     * two people rescheduling one customer at once take turns instead of colliding on the key.
     */
    void put(long customerId, LocalDate dueOn, RescheduleReason reason, String note, long userId, Instant at) {
        jdbc.queryForList("SELECT id FROM customer WHERE id = ? FOR UPDATE", Long.class, customerId);
        int updated = jdbc.update("""
                UPDATE follow_up_reschedule SET due_on = ?, reason = ?, note = ?, set_by_id = ?, set_at = ?
                WHERE customer_id = ?""", Date.valueOf(dueOn), reason.name(), note, userId, Timestamp.from(at),
                customerId);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO follow_up_reschedule (customer_id, due_on, reason, note, set_by_id, set_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", customerId, Date.valueOf(dueOn), reason.name(), note, userId,
                    Timestamp.from(at));
        }
    }

    /** Removes the customer's rescheduled day; false when there was none. */
    boolean remove(long customerId) {
        return jdbc.update("DELETE FROM follow_up_reschedule WHERE customer_id = ?", customerId) > 0;
    }
}

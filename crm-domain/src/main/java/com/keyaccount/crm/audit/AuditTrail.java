package com.keyaccount.crm.audit;

import com.keyaccount.crm.shared.RecordFields;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of {@code audit_event}, inside the caller's transaction so that a rolled-back
 * change leaves no row. One row at a time through JPA for the forms; set-based for the imports,
 * where a row per statement would make a million-line file take hours.
 */
@Component
@RequiredArgsConstructor
public class AuditTrail {

    private final AuditEventRepository events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String actor, String entityType, long entityId, Long customerId) {
        events.save(new AuditEvent(clock.instant(), actor, "CREATE", entityType, entityId, customerId, null, null, null));
    }

    /** A new record with the one detail that tells it apart in the log (a contact log's channel). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void created(String actor, String entityType, long entityId, Long customerId, String field, Object value) {
        events.save(new AuditEvent(clock.instant(), actor, "CREATE", entityType, entityId, customerId, field, null,
                value == null ? null : value.toString()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(String actor, String entityType, long entityId, Long customerId) {
        events.save(new AuditEvent(clock.instant(), actor, "DELETE", entityType, entityId, customerId, null, null, null));
    }

    /** A removed record with the one detail that tells it apart in the log (a withdrawn ladder condition). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleted(String actor, String entityType, long entityId, Long customerId, String field, Object value) {
        events.save(new AuditEvent(clock.instant(), actor, "DELETE", entityType, entityId, customerId, field,
                value == null ? null : value.toString(), null));
    }

    /** A sign-in, successful or not, with the address it came from; {@code actor} is the name typed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void signIn(String actor, boolean succeeded, String address) {
        String name = actor == null || actor.isBlank() ? "?" : actor.strip();
        events.save(new AuditEvent(clock.instant(), name.length() > 64 ? name.substring(0, 64) : name,
                succeeded ? "LOGIN" : "LOGIN_FAILED", "User", null, null, "address", null, address));
    }

    /** An action with no before and after worth keeping, e.g. "PASSWORD_RESET" (never the password itself). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void performed(String actor, String action, String entityType, long entityId) {
        events.save(new AuditEvent(clock.instant(), actor, action, entityType, entityId, null, null, null, null));
    }

    /** Who took which data out of the system. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void exported(String actor, String what) {
        events.save(new AuditEvent(clock.instant(), actor, "EXPORT", what, null, null, null, null, null));
    }

    /** One row per component of the two records whose value differs. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <R extends Record> void changed(String actor, String entityType, long entityId, Long customerId,
            R before, R after) {
        Map<String, Object> afterFields = RecordFields.of(after);
        RecordFields.of(before).forEach((field, oldValue) -> {
            Object newValue = afterFields.get(field);
            if (!Objects.equals(oldValue, newValue)) {
                fieldChanged(actor, entityType, entityId, customerId, field, oldValue, newValue);
            }
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void fieldChanged(String actor, String entityType, long entityId, Long customerId, String field,
            Object oldValue, Object newValue) {
        events.save(new AuditEvent(clock.instant(), actor, "UPDATE", entityType, entityId, customerId, field,
                Objects.toString(oldValue, null), Objects.toString(newValue, null)));
    }

    /** An UPDATE row of {@code field} for every row {@code changes} yields, in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void fieldsChanged(String actor, Instant at, String entityType, String field, ChangeQuery changes) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(at), actor, entityType, field));
        args.addAll(changes.args());
        jdbc.update("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, customer_id, field,
                    old_value, new_value)
                SELECT ?, ?, 'UPDATE', ?, x.entity_id, x.customer_id, ?, x.old_value, x.new_value
                FROM (%s) x""".formatted(changes.select()), args.toArray());
    }

    /** A CREATE row for each of many new customers (the entity is the customer itself), in batches. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void customersCreated(String actor, Instant at, String entityType, List<Long> customerIds) {
        Timestamp when = Timestamp.from(at);
        jdbc.batchUpdate("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, customer_id)
                VALUES (?, ?, 'CREATE', ?, ?, ?)""",
                customerIds.stream().map(id -> new Object[] {when, actor, entityType, id, id}).toList());
    }
}

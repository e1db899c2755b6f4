package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.contactlog.ContactLogged;
import com.keyaccount.crm.customer.CustomerChanged;
import com.keyaccount.crm.customer.CustomersChanged;
import com.keyaccount.crm.followup.application.ScheduleInputs.CustomerSchedule;
import com.keyaccount.crm.followup.application.ScheduleInputs.Rules;
import com.keyaccount.crm.prospect.ProspectGraded;
import com.keyaccount.crm.scoring.schedule.FollowUpDue;
import com.keyaccount.crm.scoring.schedule.FollowUpScheduler;
import com.keyaccount.crm.scoring.schedule.ScheduleInput;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.sql.Date;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each customer's stored next due date ({@code follow_up}) current, its one writer: in the
 * transaction that logs a contact, changes a customer or re-grades a prospect, after tier changes,
 * and for customers written in bulk. The date itself comes from crm-scoring's {@link FollowUpScheduler} on the
 * {@link ScheduleInputs}; this class only writes the result.
 */
@Service
public class FollowUpSchedule {

    static final int CHUNK = ScheduleInputs.CHUNK;
    private static final int[] UPDATE_TYPES = {Types.BIGINT, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.DATE,
        Types.INTEGER, Types.DATE, Types.DATE, Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.BIGINT};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ScheduleInputs inputs;
    private final Clock clock;
    private final BulkSchedule bulk;
    private final int bulkFrom;

    /**
     * @param bulkFrom from how many customers at once a refresh on PostgreSQL writes set-based
     *                 ({@link BulkSchedule}) rather than {@value #CHUNK} customers per transaction
     */
    FollowUpSchedule(JdbcTemplate jdbc, PlatformTransactionManager transactions, ScheduleInputs inputs, Clock clock,
            DatabaseVendor database, @Value("${crm.follow-up.bulk-from:5000}") int bulkFrom) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.inputs = inputs;
        this.clock = clock;
        this.bulk = database.isH2() ? null : new BulkSchedule(jdbc, transactions, inputs);
        this.bulkFrom = Math.max(1, bulkFrom);
    }

    @EventListener
    void on(ContactLogged event) {
        refresh(List.of(event.customerId()));
    }

    @EventListener
    void on(CustomerChanged event) {
        refresh(List.of(event.customerId()));
    }

    @EventListener
    void on(CustomersChanged event) {
        refreshInBatches(event.customerIds());
    }

    /** A re-graded prospect follows its new close-time class at once. */
    @EventListener
    void on(ProspectGraded event) {
        refresh(List.of(event.customerId()));
    }

    /**
     * Prospects with a close-time class, the ones a ladder's cadences schedule, in short
     * transactions like {@link #refreshAll} (after a new ladder is published).
     */
    public int refreshGradedProspects() {
        return refreshInBatches(jdbc.queryForList("""
                SELECT c.id FROM customer c JOIN prospect p ON p.customer_id = c.id
                WHERE c.deleted = FALSE AND c.status = 'PROSPECT' AND p.close_class IS NOT NULL ORDER BY c.id""",
                Long.class));
    }

    /** Recomputes these customers' schedules in the caller's transaction. */
    public void refresh(Collection<Long> customerIds) {
        Rules rules = inputs.rules();
        for (List<Long> chunk : chunks(customerIds)) {
            refreshChunk(chunk, rules);
        }
    }

    /**
     * Recomputes these customers' schedules in short transactions of {@value #CHUNK} customers,
     * so a large refresh never holds many rows that account managers are logging against.
     */
    public int refreshInBatches(Collection<Long> customerIds) {
        Rules rules = inputs.rules();
        Collection<Long> locking = customerIds;
        if (bulk != null && customerIds.size() >= bulkFrom) {
            // those rewritten by someone else while the bulk write ran are done again the locking way
            locking = bulk.write(List.copyOf(customerIds), rules, clock.instant().atOffset(ZoneOffset.UTC));
        }
        int done = customerIds.size() - locking.size();
        for (List<Long> chunk : chunks(locking)) {
            transaction.executeWithoutResult(status -> refreshChunk(chunk, rules));
            done += chunk.size();
        }
        return done;
    }

    /** Customers that have no schedule yet (e.g. written by a bulk load), so start-up can fill them in. */
    public int fillMissing() {
        List<Long> ids = jdbc.queryForList("""
                SELECT c.id FROM customer c WHERE c.deleted = FALSE
                AND NOT EXISTS (SELECT 1 FROM follow_up f WHERE f.customer_id = c.id) ORDER BY c.id""", Long.class);
        return ids.isEmpty() ? 0 : refreshInBatches(ids);
    }

    /** Recomputes every customer's schedule in short transactions, e.g. after the quotas or calendar changed. */
    public int refreshAll() {
        return refreshInBatches(jdbc.queryForList("SELECT id FROM customer WHERE deleted = FALSE ORDER BY id",
                Long.class));
    }

    private void refreshChunk(List<Long> ids, Rules rules) {
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        // Lock first, read after: a contact logged concurrently is either seen or waits for us.
        Set<Long> existing = new HashSet<>(jdbc.queryForList(
                "SELECT customer_id FROM follow_up WHERE customer_id IN (" + in + ") ORDER BY customer_id FOR UPDATE",
                Long.class, ids.toArray()));
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        inputs.read(ids, customer -> (existing.contains(customer.customerId()) ? updates : inserts)
                .add(row(customer, rules, now)), deleted -> deletes.add(new Object[] {deleted}));
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE follow_up SET owner_id = ?, tier = ?, due_on = ?, due_rule = ?, basis_on = ?,
                        interval_days = ?, last_contact_on = ?, last_visit_on = ?, quota_version = ?, refreshed_at = ?,
                        city = ?, prospect_class = ?, priority_class = ?
                    WHERE customer_id = ?""", updates, UPDATE_TYPES);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO follow_up (owner_id, tier, due_on, due_rule, basis_on, interval_days, last_contact_on,
                        last_visit_on, quota_version, refreshed_at, city, prospect_class, priority_class, customer_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, UPDATE_TYPES);
        }
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM follow_up WHERE customer_id = ?", deletes, new int[] {Types.BIGINT});
        }
    }

    private static Object[] row(CustomerSchedule customer, Rules rules, OffsetDateTime now) {
        FollowUpDue due = ScheduleInputs.due(customer, rules.quotas().quotas(), rules.calendar());
        ScheduleInput input = customer.input();
        return new Object[] {customer.ownerId(), input.tier().name(), sqlDate(due.dueOn()),
            due.rule() == null ? null : due.rule().name(), sqlDate(due.basisOn()), due.intervalDays(),
            sqlDate(input.lastContactOn()), sqlDate(input.lastVisitOn()), rules.quotas().version(), now,
            customer.city(), input.prospect() == null ? null : input.prospect().closeClass().name(),
            customer.priority() == null ? null : customer.priority().name(), customer.customerId()};
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}

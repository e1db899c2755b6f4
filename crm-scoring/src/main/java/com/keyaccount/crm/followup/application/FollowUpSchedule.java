package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.contactlog.ContactLogged;
import com.keyaccount.crm.customer.CustomerChanged;
import com.keyaccount.crm.customer.CustomersChanged;
import com.keyaccount.crm.followup.application.QuotaPolicies.VersionedQuotas;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.scoring.schedule.FollowUpDue;
import com.keyaccount.crm.scoring.schedule.FollowUpScheduler;
import com.keyaccount.crm.scoring.schedule.ScheduleInput;
import com.keyaccount.crm.scoring.schedule.TierMove;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each customer's stored next due date ({@code follow_up}) current: in the transaction
 * that logs a contact or changes a customer, after tier changes, and for customers written in
 * bulk. The date itself comes from crm-scoring's
 * {@link FollowUpScheduler}; this class only gathers the inputs and writes the result.
 */
@Service
public class FollowUpSchedule {

    static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final QuotaPolicies quotaPolicies;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    public FollowUpSchedule(JdbcTemplate jdbc, PlatformTransactionManager transactions, QuotaPolicies quotaPolicies,
            BusinessCalendar calendar, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.quotaPolicies = quotaPolicies;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = businessZone;
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

    /** Recomputes these customers' schedules in the caller's transaction. */
    public void refresh(Collection<Long> customerIds) {
        Rules rules = rules();
        for (List<Long> chunk : chunks(customerIds)) {
            refreshChunk(chunk, rules);
        }
    }

    /**
     * Recomputes these customers' schedules in short transactions of {@value #CHUNK} customers,
     * so a large refresh never holds many rows that account managers are logging against.
     */
    public int refreshInBatches(Collection<Long> customerIds) {
        Rules rules = rules();
        int done = 0;
        for (List<Long> chunk : chunks(customerIds)) {
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

    private Rules rules() {
        return new Rules(quotaPolicies.current(), calendar.workingCalendar());
    }

    private void refreshChunk(List<Long> ids, Rules rules) {
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        Object[] args = ids.toArray();
        // Lock first, read after: a contact logged concurrently is either seen or waits for us.
        Set<Long> existing = new HashSet<>(jdbc.queryForList(
                "SELECT customer_id FROM follow_up WHERE customer_id IN (" + in + ") ORDER BY customer_id FOR UPDATE",
                Long.class, args));
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.query(INPUTS.formatted(in), rs -> {
            long id = rs.getLong("id");
            if (rs.getBoolean("deleted")) {
                deletes.add(new Object[] {id});
                return;
            }
            Object[] row = row(rs, id, rules, now);
            (existing.contains(id) ? updates : inserts).add(row);
        }, args);
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE follow_up SET owner_id = ?, tier = ?, due_on = ?, due_rule = ?, basis_on = ?,
                        interval_days = ?, last_contact_on = ?, last_visit_on = ?, quota_version = ?, refreshed_at = ?
                    WHERE customer_id = ?""", updates, UPDATE_TYPES);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO follow_up (owner_id, tier, due_on, due_rule, basis_on, interval_days, last_contact_on,
                        last_visit_on, quota_version, refreshed_at, customer_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts, UPDATE_TYPES);
        }
        if (!deletes.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM follow_up WHERE customer_id = ?", deletes, new int[] {Types.BIGINT});
        }
    }

    private static final int[] UPDATE_TYPES = {Types.BIGINT, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.DATE,
        Types.INTEGER, Types.DATE, Types.DATE, Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT};

    private Object[] row(ResultSet rs, long id, Rules rules, OffsetDateTime now) throws SQLException {
        CustomerSchedule customer = customerSchedule(rs, id);
        FollowUpDue due = due(customer, rules.quotas().quotas(), rules.calendar());
        ScheduleInput input = customer.input();
        return new Object[] {customer.ownerId(), input.tier().name(), sqlDate(due.dueOn()),
            due.rule() == null ? null : due.rule().name(), sqlDate(due.basisOn()), due.intervalDays(),
            sqlDate(input.lastContactOn()), sqlDate(input.lastVisitOn()), rules.quotas().version(), now, id};
    }

    private CustomerSchedule customerSchedule(ResultSet rs, long id) throws SQLException {
        Tier tier = tierOrC(rs.getString("effective_tier"));
        Date agreed = rs.getDate("agreed");
        LocalDate movedOn = businessDate(rs, "moved_at");
        TierMove move = movedOn == null ? null
                : new TierMove(movedOn, tier(rs.getString("moved_from")), Tier.valueOf(rs.getString("moved_to")));
        return new CustomerSchedule(id, rs.getLong("owner_id"), "LOST".equals(rs.getString("status")),
                new ScheduleInput(id, tier, businessDate(rs, "created_at"), businessDate(rs, "last_any"),
                        businessDate(rs, "last_visit"), agreed == null ? null : agreed.toLocalDate(), move));
    }

    /** The one place the schedule is computed: a lost customer has nothing due. */
    public static FollowUpDue due(CustomerSchedule customer, VisitQuotas quotas, WorkingCalendar calendar) {
        return customer.lost() ? FollowUpDue.none(customer.customerId())
                : FollowUpScheduler.nextDue(customer.input(), quotas, calendar);
    }

    /**
     * Reads the schedule inputs of every customer not deleted (or only {@code ownerId}'s), in id
     * order and in chunks of {@value #CHUNK}, writing nothing: previews of draft rules run the
     * same computation as {@link #refresh} without holding the whole book in memory.
     */
    public void forEachCustomer(Long ownerId, Consumer<CustomerSchedule> each) {
        long after = 0;
        while (true) {
            List<Long> ids = ownerId == null
                    ? jdbc.queryForList("SELECT id FROM customer WHERE deleted = FALSE AND id > ? ORDER BY id "
                            + "LIMIT " + CHUNK, Long.class, after)
                    : jdbc.queryForList("SELECT id FROM customer WHERE deleted = FALSE AND owner_id = ? AND id > ? "
                            + "ORDER BY id LIMIT " + CHUNK, Long.class, ownerId, after);
            if (ids.isEmpty()) {
                return;
            }
            String in = String.join(",", Collections.nCopies(ids.size(), "?"));
            jdbc.query(INPUTS.formatted(in) + " ORDER BY c.id", rs -> {
                long id = rs.getLong("id");
                if (!rs.getBoolean("deleted")) {
                    each.accept(customerSchedule(rs, id));
                }
            }, ids.toArray());
            after = ids.get(ids.size() - 1);
        }
    }

    /** Recomputes every customer's schedule in short transactions, e.g. after the quotas or calendar changed. */
    public int refreshAll() {
        return refreshInBatches(jdbc.queryForList("SELECT id FROM customer WHERE deleted = FALSE ORDER BY id",
                Long.class));
    }

    /** The rules in force: the current quota policy and the business calendar. */
    public VersionedQuotas currentQuotas() {
        return quotaPolicies.current();
    }

    public WorkingCalendar currentCalendar() {
        return calendar.workingCalendar();
    }

    private LocalDate businessDate(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : LocalDate.ofInstant(at.toInstant(), zone);
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Tier tierOrC(String value) {
        return value == null ? Tier.C : Tier.valueOf(value);
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    /**
     * Per customer, index lookups only: the tier too is a subquery, because PostgreSQL otherwise
     * merge-joins a chunk of 1,000 ids against a full scan of customer_tier (4x slower at 100k).
     */
    private static final String INPUTS = """
            SELECT c.id, c.owner_id, c.status, c.deleted, c.created_at,
                (SELECT t.effective_tier FROM customer_tier t WHERE t.customer_id = c.id) AS effective_tier,
                (SELECT MAX(l.occurred_at) FROM contact_log l WHERE l.customer_id = c.id) AS last_any,
                (SELECT MAX(l.occurred_at) FROM contact_log l
                 WHERE l.customer_id = c.id AND l.channel = 'VISIT') AS last_visit,
                (SELECT l.agreed_next_on FROM contact_log l WHERE l.customer_id = c.id AND l.agreed_next_on IS NOT NULL
                 ORDER BY l.occurred_at DESC, l.id DESC LIMIT 1) AS agreed,
                (SELECT x.changed_at FROM tier_change x WHERE x.customer_id = c.id
                 ORDER BY x.changed_at DESC, x.id DESC LIMIT 1) AS moved_at,
                (SELECT x.from_tier FROM tier_change x WHERE x.customer_id = c.id
                 ORDER BY x.changed_at DESC, x.id DESC LIMIT 1) AS moved_from,
                (SELECT x.to_tier FROM tier_change x WHERE x.customer_id = c.id
                 ORDER BY x.changed_at DESC, x.id DESC LIMIT 1) AS moved_to
            FROM customer c
            WHERE c.id IN (%s)""";

    private record Rules(VersionedQuotas quotas, WorkingCalendar calendar) {
    }

    /** What one customer's schedule is computed from. */
    public record CustomerSchedule(long customerId, long ownerId, boolean lost, ScheduleInput input) {
    }
}

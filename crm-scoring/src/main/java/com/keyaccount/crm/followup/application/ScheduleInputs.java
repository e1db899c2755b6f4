package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.customer.CityOfAddress;
import com.keyaccount.crm.followup.application.QuotaPolicies.VersionedQuotas;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.PriorityClass;
import com.keyaccount.crm.scoring.schedule.FollowUpDue;
import com.keyaccount.crm.scoring.schedule.FollowUpScheduler;
import com.keyaccount.crm.scoring.schedule.ScheduleInput;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What follow-up schedules are computed from, read and never written: each customer's tier,
 * contacts, agreed date and latest tier move, a prospect's grade, and the rules in force. The stored schedule
 * ({@link FollowUpSchedule}) and the previews of draft rules ({@link SchedulePreviews}) both read
 * here, so they compute on the same inputs.
 */
@Component
public class ScheduleInputs {

    static final int CHUNK = 1_000;

    /**
     * Per customer, index lookups only: the tier too is a subquery, because PostgreSQL otherwise
     * merge-joins a chunk of 1,000 ids against a full scan of customer_tier (4x slower at 100k).
     */
    private static final String INPUTS = """
            SELECT c.id, c.owner_id, c.status, c.deleted, c.created_at, c.address, c.city_code, c.potential, c.adoption,
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
                 ORDER BY x.changed_at DESC, x.id DESC LIMIT 1) AS moved_to,
                (SELECT r.due_on FROM follow_up_reschedule r WHERE r.customer_id = c.id) AS rescheduled_to,
                (SELECT p.close_class FROM prospect p WHERE p.customer_id = c.id) AS close_class,
                (SELECT p.expected_monthly_value FROM prospect p WHERE p.customer_id = c.id) AS expected_value
            FROM customer c
            WHERE c.id IN (%s)""";

    /**
     * The same inputs for many customers at once (PostgreSQL; the ids are its one array parameter):
     * each table is read once and hash-joined instead of looked up per customer, with the version
     * ({@code xmin}) of the customer's follow_up row as read, so a writer can tell whether another
     * transaction rewrote the schedule since.
     */
    private static final String AT_ONCE = """
            SELECT c.id, c.owner_id, c.status, c.deleted, c.created_at, c.address, c.city_code, c.potential, c.adoption,
                t.effective_tier,
                l.last_any, l.last_visit, a.agreed, m.changed_at AS moved_at, m.from_tier AS moved_from,
                m.to_tier AS moved_to, r.due_on AS rescheduled_to, p.close_class,
                p.expected_monthly_value AS expected_value, f.xmin::text AS seen
            FROM customer c
            LEFT JOIN customer_tier t ON t.customer_id = c.id
            LEFT JOIN (SELECT customer_id, MAX(occurred_at) AS last_any,
                    MAX(occurred_at) FILTER (WHERE channel = 'VISIT') AS last_visit
                FROM contact_log GROUP BY customer_id) l ON l.customer_id = c.id
            LEFT JOIN (SELECT DISTINCT ON (customer_id) customer_id, agreed_next_on AS agreed FROM contact_log
                WHERE agreed_next_on IS NOT NULL ORDER BY customer_id, occurred_at DESC, id DESC) a
                ON a.customer_id = c.id
            LEFT JOIN (SELECT DISTINCT ON (customer_id) customer_id, changed_at, from_tier, to_tier FROM tier_change
                ORDER BY customer_id, changed_at DESC, id DESC) m ON m.customer_id = c.id
            LEFT JOIN follow_up_reschedule r ON r.customer_id = c.id
            LEFT JOIN prospect p ON p.customer_id = c.id
            LEFT JOIN follow_up f ON f.customer_id = c.id
            WHERE c.id = ANY (?)""";

    private final JdbcTemplate jdbc;
    private final QuotaPolicies quotaPolicies;
    private final BusinessCalendar calendar;
    private final ScheduleRows rows;

    @Autowired
    ScheduleInputs(JdbcTemplate jdbc, QuotaPolicies quotaPolicies, BusinessCalendar calendar,
            ProspectLadders ladders, ZoneId businessZone) {
        this(jdbc, quotaPolicies, calendar, () -> ladders.inForce().ladder().cadenceDays(), businessZone);
    }

    /** With the close-time classes' cadences from elsewhere than the ladder in force (a benchmark's seed ladder). */
    public ScheduleInputs(JdbcTemplate jdbc, QuotaPolicies quotaPolicies, BusinessCalendar calendar,
            ClassCadences classCadences, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.quotaPolicies = quotaPolicies;
        this.calendar = calendar;
        this.rows = new ScheduleRows(classCadences, businessZone);
    }

    /** Each close-time class's follow-up cadence in days. */
    @FunctionalInterface
    public interface ClassCadences {
        Map<CloseClass, Integer> days();
    }

    /**
     * What one customer's schedule is computed from, and the city My day filters by (the
     * customer's city, else the one its address names, {@link CityOfAddress}; null for neither).
     *
     * @param priority a prospect's priority class (seed 003 立项潜在客户分级) by its close-time class and
     *                 expected monthly value; null for a customer or an ungraded prospect
     */
    public record CustomerSchedule(long customerId, long ownerId, boolean lost, ScheduleInput input, String city,
            PriorityClass priority) {
    }

    /** The rules in force: the current quota policy and the business calendar. */
    record Rules(VersionedQuotas quotas, WorkingCalendar calendar) {
    }

    Rules rules() {
        return new Rules(quotaPolicies.current(), calendar.workingCalendar());
    }

    public VersionedQuotas currentQuotas() {
        return quotaPolicies.current();
    }

    public WorkingCalendar currentCalendar() {
        return calendar.workingCalendar();
    }

    /** The one place the schedule is computed: a lost customer has nothing due. */
    public static FollowUpDue due(CustomerSchedule customer, VisitQuotas quotas, WorkingCalendar calendar) {
        return customer.lost() ? FollowUpDue.none(customer.customerId())
                : FollowUpScheduler.nextDue(customer.input(), quotas, calendar);
    }

    /** Reads these customers' inputs (at most {@value #CHUNK}), telling apart those deleted since. */
    void read(List<Long> ids, Consumer<CustomerSchedule> customers, LongConsumer deleted) {
        ScheduleRows.Batch batch = rows.batch();
        jdbc.query(INPUTS.formatted(in(ids)), rs -> {
            long id = rs.getLong("id");
            if (rs.getBoolean("deleted")) {
                deleted.accept(id);
            } else {
                customers.accept(batch.customer(rs, id));
            }
        }, ids.toArray());
    }

    /**
     * Reads many customers' inputs in one statement (PostgreSQL only), streamed in the caller's
     * transaction; {@code customers} also gets the version of the follow_up row as read (null: none).
     */
    void readAtOnce(List<Long> ids, BiConsumer<CustomerSchedule, String> customers, LongConsumer deleted) {
        ScheduleRows.Batch batch = rows.batch();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(AT_ONCE);
            ps.setFetchSize(5_000);
            ps.setArray(1, con.createArrayOf("bigint", ids.toArray()));
            return ps;
        }, rs -> {
            long id = rs.getLong("id");
            if (rs.getBoolean("deleted")) {
                deleted.accept(id);
            } else {
                customers.accept(batch.customer(rs, id), rs.getString("seen"));
            }
        });
    }

    /**
     * Reads the schedule inputs of every customer not deleted (or only {@code ownerId}'s), in id
     * order and in chunks of {@value #CHUNK}: previews of draft rules run the same computation as
     * the stored schedule without holding the whole book in memory.
     */
    public void forEachCustomer(Long ownerId, Consumer<CustomerSchedule> each) {
        ScheduleRows.Batch batch = rows.batch();
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
            jdbc.query(INPUTS.formatted(in(ids)) + " ORDER BY c.id", rs -> {
                long id = rs.getLong("id");
                if (!rs.getBoolean("deleted")) {
                    each.accept(batch.customer(rs, id));
                }
            }, ids.toArray());
            after = ids.get(ids.size() - 1);
        }
    }

    private static String in(List<Long> ids) {
        return String.join(",", Collections.nCopies(ids.size(), "?"));
    }
}

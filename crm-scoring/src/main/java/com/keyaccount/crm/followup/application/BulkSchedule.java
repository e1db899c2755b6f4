package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.followup.application.ScheduleInputs.CustomerSchedule;
import com.keyaccount.crm.followup.application.ScheduleInputs.Rules;
import com.keyaccount.crm.scoring.schedule.FollowUpDue;
import com.keyaccount.crm.scoring.schedule.ScheduleInput;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link FollowUpSchedule}'s way of writing many schedules at once on PostgreSQL (a first
 * classification or a new policy version moves the whole book): every input read in one
 * statement, the dates computed by the same rules, the rows copied into a session's temporary
 * table and written from there by a few set-based statements — where per customer batches
 * took several times as long as ranking the book.
 * <p>
 * The per-customer path locks the rows before reading, so a contact logged meanwhile is either
 * seen or waits. Here nothing is locked while reading; instead each row is written only if it is
 * still the version read ({@code xmin}): a schedule another transaction rewrote since (a contact
 * logged, a customer changed) is left alone and the caller recomputes it the locking way. Each
 * statement writes {@value #CHUNK} customers and commits on its own, so no statement holds many
 * rows that account managers log against.
 */
final class BulkSchedule {

    static final int CHUNK = 10_000;
    private static final Logger log = LoggerFactory.getLogger(BulkSchedule.class);
    private static final String COLUMNS = "customer_id, owner_id, tier, due_on, due_rule, basis_on, interval_days, "
            + "last_contact_on, last_visit_on, quota_version, refreshed_at, city, prospect_class, priority_class";

    private static final String UPDATE = """
            UPDATE follow_up f SET owner_id = s.owner_id, tier = s.tier, due_on = s.due_on, due_rule = s.due_rule,
                basis_on = s.basis_on, interval_days = s.interval_days, last_contact_on = s.last_contact_on,
                last_visit_on = s.last_visit_on, quota_version = s.quota_version, refreshed_at = s.refreshed_at,
                city = s.city, prospect_class = s.prospect_class, priority_class = s.priority_class
            FROM follow_up_stage s WHERE f.customer_id = s.customer_id AND f.xmin::text = s.seen
            RETURNING f.customer_id""";
    /** A row inserted meanwhile by someone else is theirs: left alone, like a changed one. */
    private static final String INSERT = "INSERT INTO follow_up (" + COLUMNS + ") SELECT " + COLUMNS
            + " FROM follow_up_stage WHERE seen IS NULL ON CONFLICT (customer_id) DO NOTHING RETURNING customer_id";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate reading;
    private final ScheduleInputs inputs;

    BulkSchedule(JdbcTemplate jdbc, PlatformTransactionManager transactions, ScheduleInputs inputs) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.inputs = inputs;
    }

    /**
     * Writes these customers' schedules and deletes those of customers deleted meanwhile.
     *
     * @return the customers left alone because their schedule was rewritten after it was read
     */
    List<Long> write(List<Long> ids, Rules rules, OffsetDateTime now) {
        long started = System.nanoTime();
        List<Long> sorted = ids.stream().sorted().distinct().toList();
        List<String> chunks = new ArrayList<>();
        List<Long> deleted = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        int[] inChunk = {0};
        reading.executeWithoutResult(status -> inputs.readAtOnce(sorted, (customer, seen) -> {
            line(csv, customer, rules, now, seen);
            if (++inChunk[0] == CHUNK) {
                chunks.add(csv.toString());
                csv.setLength(0);
                inChunk[0] = 0;
            }
        }, deleted::add));
        if (inChunk[0] > 0) {
            chunks.add(csv.toString());
        }
        long computed = System.nanoTime();
        Set<Long> left = new HashSet<>(sorted);
        left.removeAll(deleted);
        jdbc.execute((ConnectionCallback<Void>) con -> {
            try (Statement statement = con.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS follow_up_stage");
                statement.execute("CREATE TEMPORARY TABLE follow_up_stage AS SELECT " + COLUMNS
                        + ", CAST(NULL AS TEXT) AS seen FROM follow_up WITH NO DATA");
                for (String chunk : chunks) {
                    copy(con, chunk);
                    written(statement, UPDATE, left);
                    written(statement, INSERT, left);
                    statement.execute("TRUNCATE follow_up_stage");
                }
                statement.execute("DROP TABLE follow_up_stage");
            } catch (IOException e) {
                throw new IllegalStateException("could not stage schedules", e);
            }
            return null;
        });
        if (!deleted.isEmpty()) {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("DELETE FROM follow_up WHERE customer_id = ANY (?)");
                ps.setArray(1, con.createArrayOf("bigint", deleted.toArray()));
                return ps;
            });
        }
        log.debug("{} schedules read and computed in {} ms, written in {} ms; {} rewritten meanwhile", sorted.size(),
                (computed - started) / 1_000_000, (System.nanoTime() - computed) / 1_000_000, left.size());
        return left.stream().sorted().toList();
    }

    private static void copy(Connection con, String csv) throws SQLException, IOException {
        con.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY follow_up_stage (" + COLUMNS + ", seen) FROM STDIN (FORMAT csv)", new StringReader(csv));
    }

    /** Runs a statement returning the ids it wrote, and takes them off {@code left}. */
    private static void written(Statement statement, String sql, Set<Long> left) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                left.remove(rs.getLong(1));
            }
        }
    }

    private static void line(StringBuilder csv, CustomerSchedule customer, Rules rules, OffsetDateTime now,
            String seen) {
        FollowUpDue due = ScheduleInputs.due(customer, rules.quotas().quotas(), rules.calendar());
        ScheduleInput input = customer.input();
        csv.append(customer.customerId()).append(',').append(customer.ownerId()).append(',')
                .append(input.tier().name()).append(',');
        date(csv, due.dueOn());
        text(csv, due.rule() == null ? null : due.rule().name());
        date(csv, due.basisOn());
        csv.append(due.intervalDays() == null ? "" : due.intervalDays()).append(',');
        date(csv, input.lastContactOn());
        date(csv, input.lastVisitOn());
        csv.append(rules.quotas().version()).append(',')
                .append(now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(',');
        text(csv, customer.city());
        text(csv, input.prospect() == null ? null : input.prospect().closeClass().name());
        text(csv, customer.priority() == null ? null : customer.priority().name());
        csv.append(seen == null ? "" : seen).append('\n');
    }

    private static void date(StringBuilder csv, LocalDate date) {
        csv.append(date == null ? "" : date.toString()).append(',');
    }

    /** A quoted CSV cell (so an empty text is not NULL), or empty for NULL. */
    private static void text(StringBuilder csv, String value) {
        if (value != null) {
            csv.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        csv.append(',');
    }
}

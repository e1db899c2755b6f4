package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.ComplaintCategory;
import com.keyaccount.crm.complaint.ComplaintChannel;
import com.keyaccount.crm.complaint.ComplaintStatus;
import com.keyaccount.crm.complaint.StepKind;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading complaints: the list with its filters, the overdue ones at the top of My day and on the
 * director's day, a customer's open ones, the service panel. An account manager sees the
 * complaints of their book and those assigned to them; directors and admins see all.
 */
@Service
@Transactional(readOnly = true)
public class ComplaintQueries {

    public static final int PAGE_SIZE = 50;
    /** Overdue complaints on a day page; more are one click away on the list. */
    public static final int DAY_ROWS = 20;

    static final String OVERDUE = "(k.status IN ('RECEIVED', 'ANSWERED') AND (k.resolve_due_at < :now "
            + "OR (k.status = 'RECEIVED' AND k.answer_due_at < :now)))";

    private static final String SELECT = """
            SELECT k.id, k.customer_id, c.code, c.name, k.owner_id, u.display_name, k.channel, k.category, k.severity,
                   k.tier, k.status, k.description, k.received_at, k.answer_due_at, k.resolve_due_at, k.answered_at,
                   k.resolved_at, k.confirmed_at, %s AS overdue
            FROM complaint k JOIN customer c ON c.id = k.customer_id JOIN app_user u ON u.id = k.owner_id
            """.formatted("CASE WHEN " + OVERDUE + " THEN TRUE ELSE FALSE END");

    private final JdbcClient jdbc;
    private final Clock clock;

    ComplaintQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Page(List<ComplaintRow> rows, long total, int number) {
    }

    /** One page of the viewer's complaints under {@code filter}, overdue first, then by next deadline. */
    public Page list(Viewer viewer, ComplaintFilter filter, int page) {
        List<String> where = new ArrayList<>();
        List<Consumer<JdbcClient.StatementSpec>> params = new ArrayList<>();
        scope(viewer, filter.owner(), where, params);
        if (filter.overdue()) {
            where.add(OVERDUE);
        } else if (filter.open()) {
            where.add("k.status IN ('RECEIVED', 'ANSWERED')");
        } else if (filter.status() != null) {
            where.add("k.status = :status");
            params.add(s -> s.param("status", filter.status().name()));
        }
        if (filter.customerId() != null) {
            where.add("k.customer_id = :customer");
            params.add(s -> s.param("customer", filter.customerId()));
        }
        String condition = String.join(" AND ", where);
        Timestamp now = Timestamp.from(clock.instant());
        JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM complaint k JOIN customer c ON c.id = "
                + "k.customer_id WHERE " + condition).param("now", now);
        params.forEach(p -> p.accept(count));
        long total = count.query(Long.class).single();
        JdbcClient.StatementSpec rows = jdbc.sql(SELECT + " WHERE " + condition + " ORDER BY overdue DESC, "
                + "CASE WHEN k.status IN ('RECEIVED', 'ANSWERED') THEN 0 ELSE 1 END, k.resolve_due_at, k.id DESC "
                + "LIMIT :limit OFFSET :offset").param("now", now).param("limit", PAGE_SIZE)
                .param("offset", (long) page * PAGE_SIZE);
        params.forEach(p -> p.accept(rows));
        return new Page(rows.query((rs, n) -> row(rs)).list(), total, page);
    }

    /** Every row of the viewer's complaints under {@code filter}, for the export, newest first. */
    public void forEach(Viewer viewer, ComplaintFilter filter, int max, Consumer<ComplaintRow> sink) {
        int pages = Math.max(1, max / PAGE_SIZE);
        for (int p = 0; p < pages; p++) {
            Page page = list(viewer, filter, p);
            page.rows().forEach(sink);
            if ((long) (p + 1) * PAGE_SIZE >= page.total()) {
                return;
            }
        }
    }

    /** The owner's overdue complaints, the longest overdue first: the top of their My day. */
    public List<ComplaintRow> overdueOf(long ownerId) {
        return jdbc.sql(SELECT + " WHERE k.owner_id = :owner AND c.deleted = FALSE AND " + OVERDUE
                + " ORDER BY k.resolve_due_at, k.id LIMIT :limit").param("owner", ownerId)
                .param("now", Timestamp.from(clock.instant())).param("limit", DAY_ROWS)
                .query((rs, n) -> row(rs)).list();
    }

    /** Escalation: every manager's overdue complaints, for the director's day. */
    public List<ComplaintRow> overdueOfTeam() {
        return overdueOfTeam(Scope.ALL);
    }

    /** The overdue complaints of the books in scope and of the people whose books they are. */
    public List<ComplaintRow> overdueOfTeam(Scope books) {
        String mine = books.all() ? "" : " AND (" + books.sql("c.owner_id", "c.id") + " OR " + books.peopleSql("k.owner_id") + ")";
        return jdbc.sql(SELECT + " WHERE c.deleted = FALSE AND " + OVERDUE + mine + " ORDER BY k.resolve_due_at, k.id "
                + "LIMIT :limit").param("now", Timestamp.from(clock.instant())).param("limit", DAY_ROWS)
                .query((rs, n) -> row(rs)).list();
    }

    public long countOverdue(Viewer viewer) {
        List<String> where = new ArrayList<>();
        List<Consumer<JdbcClient.StatementSpec>> params = new ArrayList<>();
        scope(viewer, null, where, params);
        where.add(OVERDUE);
        JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM complaint k JOIN customer c ON c.id = "
                + "k.customer_id WHERE " + String.join(" AND ", where)).param("now", Timestamp.from(clock.instant()));
        params.forEach(p -> p.accept(count));
        return count.query(Long.class).single();
    }

    /** A customer's complaints not yet confirmed (open, or resolved and awaiting the customer's word). */
    public List<ComplaintRow> unconfirmedOf(long visibleCustomerId) {
        return jdbc.sql(SELECT + " WHERE k.customer_id = :customer AND k.status <> 'CONFIRMED' "
                + "ORDER BY overdue DESC, k.resolve_due_at, k.id").param("customer", visibleCustomerId)
                .param("now", Timestamp.from(clock.instant())).query((rs, n) -> row(rs)).list();
    }

    /** The steps of a complaint the caller may see, oldest first. */
    public List<ComplaintStepView> stepsOf(long complaintId) {
        return jdbc.sql("""
                SELECT s.step, s.note, COALESCE(u.display_name, s.actor) AS actor_name, s.occurred_at
                FROM complaint_step s LEFT JOIN app_user u ON u.username = s.actor
                WHERE s.complaint_id = ? ORDER BY s.occurred_at, s.id""").param(complaintId)
                .query((rs, n) -> new ComplaintStepView(StepKind.valueOf(rs.getString("step")), rs.getString("note"),
                        rs.getString("actor_name"), instant(rs, "occurred_at"))).list();
    }

    /** The service card for the viewer's complaints, answered and resolved on time in [from, to). */
    public ServicePanel panel(Viewer viewer, Instant from, Instant to) {
        List<String> where = new ArrayList<>();
        List<Consumer<JdbcClient.StatementSpec>> params = new ArrayList<>();
        String join = "JOIN customer c ON c.id = k.customer_id";
        if (viewer.scope().all()) {
            // the whole book's complaints: set aside the few deleted customers' ones rather than
            // join every complaint to its customer (V31's partial index finds the deleted at once)
            join = "";
            where.add("NOT EXISTS (SELECT 1 FROM customer d WHERE d.id = k.customer_id AND d.deleted = TRUE)");
        } else {
            scope(viewer, null, where, params);
        }
        JdbcClient.StatementSpec spec = jdbc.sql("""
                SELECT SUM(CASE WHEN k.status IN ('RECEIVED', 'ANSWERED') THEN 1 ELSE 0 END) AS open_now,
                       SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS overdue_now,
                       SUM(CASE WHEN k.answered_at >= :from AND k.answered_at < :to THEN 1 ELSE 0 END) AS answered,
                       SUM(CASE WHEN k.answered_at >= :from AND k.answered_at < :to
                                 AND k.answered_at <= k.answer_due_at THEN 1 ELSE 0 END) AS answered_on_time,
                       SUM(CASE WHEN k.resolved_at >= :from AND k.resolved_at < :to THEN 1 ELSE 0 END) AS resolved,
                       SUM(CASE WHEN k.resolved_at >= :from AND k.resolved_at < :to
                                 AND k.resolved_at <= k.resolve_due_at THEN 1 ELSE 0 END) AS resolved_on_time
                FROM complaint k %s WHERE %s""".formatted(OVERDUE, join, String.join(" AND ", where))).param("now", Timestamp.from(clock.instant()))
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to));
        params.forEach(p -> p.accept(spec));
        return spec.query((rs, n) -> new ServicePanel(rs.getLong("open_now"), rs.getLong("overdue_now"),
                rs.getLong("answered"), rs.getLong("answered_on_time"), rs.getLong("resolved"),
                rs.getLong("resolved_on_time"))).single();
    }

    /**
     * The complaints of the books the viewer sees and those handled by the people whose books they
     * are (an account manager: their own and what is assigned to them); narrowed to one handler
     * when asked for one the viewer sees.
     */
    private static void scope(Viewer viewer, Long owner, List<String> where,
            List<Consumer<JdbcClient.StatementSpec>> params) {
        where.add("c.deleted = FALSE");
        Scope book = viewer.scope();
        if (!book.all()) {
            where.add("(" + book.sql("c.owner_id", "c.id") + " OR " + book.peopleSql("k.owner_id") + ")");
        }
        if (owner != null && viewer.seesOthers() && book.includes(owner)) {
            where.add("k.owner_id = :owner");
            params.add(s -> s.param("owner", owner));
        }
    }

    private static ComplaintRow row(ResultSet rs) throws SQLException {
        return new ComplaintRow(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("code"),
                rs.getString("name"), rs.getLong("owner_id"), rs.getString("display_name"),
                ComplaintChannel.valueOf(rs.getString("channel")), ComplaintCategory.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), Tier.valueOf(rs.getString("tier")),
                ComplaintStatus.valueOf(rs.getString("status")), rs.getString("description"),
                instant(rs, "received_at"), instant(rs, "answer_due_at"), instant(rs, "resolve_due_at"),
                instant(rs, "answered_at"), instant(rs, "resolved_at"), instant(rs, "confirmed_at"),
                rs.getBoolean("overdue"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

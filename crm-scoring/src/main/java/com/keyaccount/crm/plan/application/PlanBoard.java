package com.keyaccount.crm.plan.application;

import com.keyaccount.crm.plan.PlanStatus;
import com.keyaccount.crm.plan.Quarter;
import com.keyaccount.crm.user.Scope;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A quarter's account plans: every top-tier account the viewer may see (and any account that has a
 * plan for the quarter though it has left the top tier since), with its plan's state or none yet.
 * Plans waiting for a decision come first, then returned ones, then accounts without a plan.
 */
@Service
@Transactional(readOnly = true)
public class PlanBoard {

    public static final int PAGE_ROWS = 50;

    /** A status filter: one of the plan states, or "no plan yet". */
    public enum Shown {
        ALL, NONE, DRAFT, SUBMITTED, APPROVED, RETURNED
    }

    public record Row(long customerId, String code, String name, String ownerName, PlanStatus status,
            Instant updatedAt, BigDecimal expectedRevenue) {
    }

    /** A page of rows, with how many accounts are in each state (null key: no plan yet). */
    public record Page(List<Row> rows, int page, int lastPage, long total, Map<Shown, Long> counts) {

        public long count(Shown shown) {
            return counts.get(shown);
        }
    }

    /**
     * The accounts of the quarter: the top tier read from the list's tier table (one index range),
     * with the accounts that have a plan; %1$s is the owner condition of a manager's book.
     */
    private static final String FROM = """
            FROM (SELECT customer_id FROM customer_list_tier WHERE sort_tier = 'A'%1$s
                  UNION
                  SELECT customer_id FROM account_plan WHERE quarter_start = :quarter) k
            JOIN customer c ON c.id = k.customer_id AND c.deleted = FALSE%2$s
            JOIN app_user u ON u.id = c.owner_id
            LEFT JOIN account_plan p ON p.customer_id = c.id AND p.quarter_start = :quarter
            """;

    private final JdbcClient jdbc;

    PlanBoard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the quarter's accounts in the state shown; {@code owner} narrows the list to one
     * manager's book of those the viewer sees (an account manager's is their own whatever it says).
     */
    public Page page(Viewer viewer, Quarter quarter, Shown shown, Long owner, int page) {
        Scope book = viewer.book(owner);
        Map<Shown, Long> counts = counts(book, quarter);
        long total = counts.get(shown);
        int lastPage = total == 0 ? 0 : (int) ((total - 1) / PAGE_ROWS);
        int current = Math.max(0, Math.min(page, lastPage));
        List<Row> rows = rows(book, quarter, shown, PAGE_ROWS, (long) current * PAGE_ROWS);
        return new Page(rows, current, lastPage, total, counts);
    }

    /** Every row of the quarter's accounts in the state shown, as {@link #page} orders them: the list's export. */
    public List<Row> all(Viewer viewer, Quarter quarter, Shown shown, Long owner, int atMost) {
        return rows(viewer.book(owner), quarter, shown, atMost, 0);
    }

    private List<Row> rows(Scope book, Quarter quarter, Shown shown, int limit, long offset) {
        String filter = switch (shown) {
            case ALL -> "";
            case NONE -> " AND p.id IS NULL";
            default -> " AND p.status = '" + shown.name() + "'";
        };
        return params(jdbc.sql("""
                SELECT c.id, c.code, c.name, u.display_name, p.status, p.updated_at, p.expected_revenue
                """ + from(book) + filter + """
                 ORDER BY CASE WHEN p.status = 'SUBMITTED' THEN 0 WHEN p.status = 'RETURNED' THEN 1
                               WHEN p.status IS NULL THEN 2 WHEN p.status = 'DRAFT' THEN 3 ELSE 4 END, c.name, c.id
                 LIMIT :limit OFFSET :offset
                """), quarter).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? null : PlanStatus.valueOf(rs.getString(5)),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getBigDecimal(7)))
                .list();
    }

    /** How many of the quarter's accounts the viewer sees are in each state, {@link Shown#ALL} all of them. */
    public Map<Shown, Long> counts(Viewer viewer, Quarter quarter) {
        return counts(viewer.book(null), quarter);
    }

    private Map<Shown, Long> counts(Scope book, Quarter quarter) {
        Map<Shown, Long> counts = new EnumMap<>(Shown.class);
        for (Shown s : Shown.values()) {
            counts.put(s, 0L);
        }
        params(jdbc.sql("SELECT p.status, COUNT(*) " + from(book) + " GROUP BY p.status"), quarter)
                .query((rs, n) -> {
                    String status = rs.getString(1);
                    counts.put(status == null ? Shown.NONE : Shown.valueOf(status), rs.getLong(2));
                    return null;
                }).list();
        counts.put(Shown.ALL, counts.values().stream().mapToLong(Long::longValue).sum());
        return counts;
    }

    /** The accounts' rows of the books in scope. */
    private static String from(Scope book) {
        return book.all() ? FROM.formatted("", "")
                : FROM.formatted(" AND " + book.sql("owner_id"), " AND " + book.sql("c.owner_id"));
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, Quarter quarter) {
        return sql.param("quarter", quarter.first());
    }
}

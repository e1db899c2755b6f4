package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what a recompute decides on and compares with: every customer not deleted with its
 * stored tier row, and the evaluation window's figures (one aggregate over the window's lines,
 * per customer). Two statements, not one joining the three tables, run at the same time on two
 * connections: the aggregate is what ranking costs in any case, and the stored rows are read
 * meanwhile (joined into the aggregate they cost PostgreSQL a third more). Each runs in a
 * read-only transaction.
 */
final class CustomerRows {

    private static final String STORED = """
            SELECT c.id, t.effective_tier, t.computed_tier, t.pinned_tier, t.pinned_until, t.policy_version,
                   t.revenue AS stored_revenue, t.margin AS stored_margin, t.order_count AS stored_orders,
                   t.avg_days_to_pay AS stored_days, t.score, t.score_parts
            FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
            WHERE c.deleted = FALSE""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate reading;
    private final WindowFigures figures;

    CustomerRows(JdbcTemplate jdbc, PlatformTransactionManager transactions, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.figures = new WindowFigures(database);
    }

    /** The customers and their figures over the window from {@code from} through {@code to}, by customer id. */
    Map<Long, CustomerRow> load(LocalDate from, LocalDate to) {
        CompletableFuture<Map<Long, CustomerFigures>> window = CompletableFuture.supplyAsync(
                () -> read(() -> window(from, to)), CustomerRows::ownThread);
        Map<Long, CustomerRow> rows = read(this::stored);
        Map<Long, CustomerFigures> sold;
        try {
            sold = window.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        sold.forEach((id, figures) -> rows.computeIfPresent(id, (key, row) -> row.with(figures)));
        return rows;
    }

    private <T> T read(Supplier<T> statement) {
        return reading.execute(status -> statement.get());
    }

    private Map<Long, CustomerRow> stored() {
        Map<Long, CustomerRow> rows = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(STORED);
            ps.setFetchSize(5_000);
            return ps;
        }, rs -> {
            CustomerRow row = row(rs);
            rows.put(row.figures().customerId(), row);
        });
        return rows;
    }

    /** Fetched whole, not through a cursor: PostgreSQL plans no parallel workers for a cursor. */
    private Map<Long, CustomerFigures> window(LocalDate from, LocalDate to) {
        Map<Long, CustomerFigures> sold = new HashMap<>();
        jdbc.query("SELECT a.customer_id AS id, a.revenue, a.margin, a.orders, a.days_to_pay, a.paid FROM "
                + figures.aggregate(from, to) + " a", rs -> {
            CustomerFigures f = WindowFigures.of(rs);
            sold.put(f.customerId(), f);
        });
        return sold;
    }

    private static void ownThread(Runnable work) {
        Thread thread = new Thread(work, "tier-recompute-window");
        thread.setDaemon(true);
        thread.start();
    }

    private static CustomerRow row(ResultSet rs) throws SQLException {
        Date pinnedUntil = rs.getDate("pinned_until");
        int version = rs.getInt("policy_version");
        Integer storedVersion = rs.wasNull() ? null : version;
        long orders = rs.getLong("stored_orders");
        Long storedOrders = rs.wasNull() ? null : orders;
        int score = rs.getInt("score");
        Integer storedScore = rs.wasNull() ? null : score;
        long id = rs.getLong("id");
        return new CustomerRow(new CustomerFigures(id, BigDecimal.ZERO, null, 0, null),
                tier(rs.getString("computed_tier")), tier(rs.getString("effective_tier")), tier(rs.getString("pinned_tier")),
                pinnedUntil == null ? null : pinnedUntil.toLocalDate(), storedVersion, rs.getBigDecimal("stored_revenue"),
                rs.getBigDecimal("stored_margin"), storedOrders, rs.getBigDecimal("stored_days"), storedScore,
                rs.getString("score_parts"));
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }
}

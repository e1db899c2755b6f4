package com.keyaccount.crm.tier.application;

import java.sql.PreparedStatement;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what a recompute decides on and compares with: every customer not deleted with its
 * stored tier row and its figures over the evaluation window, in one read-only statement. The
 * figures are the kept ones ({@link KeptWindowFigures}), brought up to date first: aggregating
 * every line of the window each run cost more than the rest of the run together.
 */
final class CustomerRows {

    private static final String STORED = """
            SELECT c.id, c.designated_key, c.potential, c.created_at, t.effective_tier, t.computed_tier, t.pinned_tier, t.pinned_until, t.policy_version,
                   t.revenue AS stored_revenue, t.margin AS stored_margin, t.order_count AS stored_orders,
                   t.avg_days_to_pay AS stored_days, t.score, t.score_parts,
                   f.revenue, f.margin, f.orders, f.days_to_pay, f.paid
            FROM customer c LEFT JOIN customer_tier t ON t.customer_id = c.id
            LEFT JOIN window_figures f ON f.customer_id = c.id
            WHERE c.deleted = FALSE""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate reading;
    private final KeptWindowFigures kept;

    CustomerRows(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeptWindowFigures kept) {
        this.jdbc = jdbc;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.kept = kept;
    }

    /** The customers and their figures over the window from {@code from} through {@code to}, by customer id. */
    Map<Long, CustomerRow> load(LocalDate from, LocalDate to) {
        kept.refresh(from, to);
        return reading.execute(status -> {
            Map<Long, CustomerRow> rows = new HashMap<>();
            jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement(STORED);
                ps.setFetchSize(5_000);
                return ps;
            }, rs -> {
                CustomerRow row = row(rs, to);
                rows.put(row.figures().customerId(), row);
            });
            return rows;
        });
    }

    private static CustomerRow row(ResultSet rs, LocalDate to) throws SQLException {
        Date pinnedUntil = rs.getDate("pinned_until");
        int version = rs.getInt("policy_version");
        Integer storedVersion = rs.wasNull() ? null : version;
        long orders = rs.getLong("stored_orders");
        Long storedOrders = rs.wasNull() ? null : orders;
        int score = rs.getInt("score");
        Integer storedScore = rs.wasNull() ? null : score;
        return new CustomerRow(WindowFigures.withProfile(rs, to),
                tier(rs.getString("computed_tier")), tier(rs.getString("effective_tier")), tier(rs.getString("pinned_tier")),
                pinnedUntil == null ? null : pinnedUntil.toLocalDate(), rs.getBoolean("designated_key"), storedVersion, rs.getBigDecimal("stored_revenue"),
                rs.getBigDecimal("stored_margin"), storedOrders, rs.getBigDecimal("stored_days"), storedScore,
                rs.getString("score_parts"));
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }
}

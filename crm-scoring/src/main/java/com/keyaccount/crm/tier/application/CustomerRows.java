package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.Tier;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what a recompute decides on and compares with: every customer not deleted, with the
 * evaluation window's figures beside its stored tier row, in one streamed statement (one
 * aggregate over the window's lines, per customer).
 */
final class CustomerRows {

    private static final String SQL = """
            SELECT c.id, a.revenue, a.margin, a.orders, a.days_to_pay, a.paid,
                   t.effective_tier, t.computed_tier, t.pinned_tier, t.pinned_until, t.policy_version,
                   t.revenue AS stored_revenue, t.margin AS stored_margin, t.order_count AS stored_orders,
                   t.avg_days_to_pay AS stored_days, t.score, t.score_parts
            FROM customer c
            LEFT JOIN %s a ON a.customer_id = c.id
            LEFT JOIN customer_tier t ON t.customer_id = c.id
            WHERE c.deleted = FALSE""";

    private final JdbcTemplate jdbc;
    private final String book;

    CustomerRows(JdbcTemplate jdbc, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.book = SQL.formatted(new WindowFigures(database).aggregate());
    }

    /** The customers and their figures over the window from {@code from} through {@code to}, by customer id. */
    Map<Long, CustomerRow> load(LocalDate from, LocalDate to) {
        Map<Long, CustomerRow> rows = new HashMap<>();
        WindowFigures.stream(jdbc, book, from, to, rs -> {
            CustomerRow row = row(rs);
            rows.put(row.figures().customerId(), row);
        });
        return rows;
    }

    private static CustomerRow row(ResultSet rs) throws SQLException {
        Date pinnedUntil = rs.getDate("pinned_until");
        int version = rs.getInt("policy_version");
        Integer storedVersion = rs.wasNull() ? null : version;
        long orders = rs.getLong("stored_orders");
        Long storedOrders = rs.wasNull() ? null : orders;
        int score = rs.getInt("score");
        Integer storedScore = rs.wasNull() ? null : score;
        return new CustomerRow(WindowFigures.of(rs),
                tier(rs.getString("computed_tier")), tier(rs.getString("effective_tier")), tier(rs.getString("pinned_tier")),
                pinnedUntil == null ? null : pinnedUntil.toLocalDate(), storedVersion, rs.getBigDecimal("stored_revenue"),
                rs.getBigDecimal("stored_margin"), storedOrders, rs.getBigDecimal("stored_days"), storedScore,
                rs.getString("score_parts"));
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }
}

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
 * evaluation window's figures beside its stored tier row, in one streamed statement.
 */
final class CustomerRows {

    private final JdbcTemplate jdbc;
    private final String sql;

    CustomerRows(JdbcTemplate jdbc, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.sql = """
                SELECT c.id, t.effective_tier, a.revenue, a.orders, a.avg_days,
                       t.computed_tier, t.pinned_tier, t.pinned_until, t.policy_version, t.revenue AS stored_revenue,
                       t.order_count AS stored_orders, t.avg_days_to_pay AS stored_days, t.score, t.score_parts
                FROM customer c
                LEFT JOIN %s a ON a.customer_id = c.id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.deleted = FALSE""".formatted(new WindowFigures(database).aggregate());
    }

    /** By customer id, for the window from {@code from} through {@code to}. */
    Map<Long, CustomerRow> load(LocalDate from, LocalDate to) {
        Map<Long, CustomerRow> rows = new HashMap<>();
        WindowFigures.stream(jdbc, sql, from, to, rs -> {
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
                storedOrders, rs.getBigDecimal("stored_days"), storedScore, rs.getString("score_parts"));
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }
}

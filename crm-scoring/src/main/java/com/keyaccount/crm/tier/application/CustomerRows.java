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
 * aggregate over the window's lines: per customer, or per customer and product line).
 */
final class CustomerRows {

    private static final String SQL = """
            SELECT c.id, %s a.revenue, a.margin, a.orders, a.days_to_pay, a.paid,
                   t.effective_tier, t.computed_tier, t.pinned_tier, t.pinned_until, t.policy_version,
                   t.revenue AS stored_revenue, t.margin AS stored_margin, t.order_count AS stored_orders,
                   t.avg_days_to_pay AS stored_days, t.score, t.score_parts
            FROM customer c
            LEFT JOIN %s a ON a.customer_id = c.id
            LEFT JOIN customer_tier t ON t.customer_id = c.id
            WHERE c.deleted = FALSE""";

    private final JdbcTemplate jdbc;
    private final String book;
    private final String perLine;

    CustomerRows(JdbcTemplate jdbc, DatabaseVendor database) {
        this.jdbc = jdbc;
        WindowFigures figures = new WindowFigures(database);
        this.book = SQL.formatted("", figures.aggregate());
        this.perLine = SQL.formatted("a.customer_id AS sold, a.product_line_id,", figures.aggregatePerLine());
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

    /** The customers with their book figures, and every product line's customers with their figures there. */
    record PerLine(Map<Long, CustomerRow> rows, LineFigures lines) {
    }

    PerLine loadPerLine(LocalDate from, LocalDate to) {
        Map<Long, CustomerRow> stored = new HashMap<>();
        LineFigures lines = new LineFigures();
        WindowFigures.stream(jdbc, perLine, from, to, rs -> {
            lines.add(rs);
            stored.computeIfAbsent(rs.getLong("id"), id -> stored(rs));
        });
        Map<Long, CustomerRow> rows = new HashMap<>(stored.size() * 2);
        stored.forEach((id, row) -> rows.put(id, row.with(lines.customer(id))));
        return new PerLine(rows, lines);
    }

    private static CustomerRow stored(ResultSet rs) {
        try {
            return row(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

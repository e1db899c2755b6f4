package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What classification reads of each customer, aggregated in one pass over an evaluation
 * window's orders: shared by the recompute and the rule editor's preview, so both decide on the
 * same figures.
 */
public final class WindowFigures {

    private final String aggregate;

    public WindowFigures(DatabaseVendor database) {
        String daysToPay = database.isH2() ? "DATEDIFF('DAY', order_date, paid_date)" : "(paid_date - order_date)";
        this.aggregate = """
                (SELECT customer_id, SUM(amount) AS revenue, COUNT(*) AS orders,
                        AVG(CASE WHEN paid_date IS NOT NULL THEN %s END) AS avg_days
                 FROM sales_order WHERE order_date >= ? AND order_date <= ?
                 GROUP BY customer_id)""".formatted(daysToPay);
    }

    /**
     * A subquery of {@code customer_id, revenue, orders, avg_days}; its two parameters, the
     * window's first and last day, must be the statement's first two.
     */
    public String aggregate() {
        return aggregate;
    }

    /** Streams a statement that joins {@link #aggregate()}, binding the window's days. */
    public static void stream(JdbcTemplate jdbc, String sql, LocalDate from, LocalDate to, RowCallbackHandler rows) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setFetchSize(5_000);
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            return ps;
        }, rows);
    }

    /**
     * The figures of the row's customer ({@code id} and the aggregate's columns); none means zero.
     * Revenue is the net of sales and credit notes; a customer whose credit notes come to more than
     * their sales in the window ranks as no revenue, never as less than none.
     */
    public static CustomerFigures of(ResultSet rs) throws SQLException {
        BigDecimal revenue = Objects.requireNonNullElse(rs.getBigDecimal("revenue"), BigDecimal.ZERO)
                .max(BigDecimal.ZERO);
        double avgDays = rs.getDouble("avg_days");
        Double averageDaysToPay = rs.wasNull() ? null : avgDays;
        return new CustomerFigures(rs.getLong("id"), revenue, rs.getLong("orders"), averageDaysToPay);
    }
}

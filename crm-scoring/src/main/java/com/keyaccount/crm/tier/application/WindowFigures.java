package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * What classification reads of each customer, aggregated in one pass over an evaluation
 * window's order lines: shared by the recompute and the rule editor's preview, so both decide on
 * the same figures. Revenue is net: credit notes and returns (negative lines) are subtracted;
 * orders and days to pay count sale lines only; margin is the sum of the margins sent.
 * <p>
 * The window's days are written into the statement, not bound: bound, PostgreSQL switches a
 * statement run more than five times on one pooled connection to a generic plan, which cannot
 * see that the window holds most of the book and scans it through the date index without
 * parallel workers: the nightly recompute took 2.4 times as long from its sixth run on. The days
 * are dates, never text a user typed.
 */
public final class WindowFigures {

    private final String onLine;
    private final String sums;

    public WindowFigures(DatabaseVendor database) {
        String daysToPay = database.isH2() ? "DATEDIFF('DAY', order_date, paid_date)" : "(paid_date - order_date)";
        String sums = """
                SUM(amount) AS revenue, SUM(margin) AS margin, COUNT(*) FILTER (WHERE amount > 0) AS orders,
                        SUM(%s) FILTER (WHERE amount > 0) AS days_to_pay,
                        COUNT(paid_date) FILTER (WHERE amount > 0) AS paid
                 FROM sales_order WHERE order_date >= %%1$s AND order_date <= %%2$s""".formatted(daysToPay);
        this.sums = sums;
        this.onLine = """
                SELECT c.id, a.revenue, a.margin, a.orders, a.days_to_pay, a.paid
                FROM (SELECT customer_id, %s AND product_line_id = ? GROUP BY customer_id) a
                JOIN customer c ON c.id = a.customer_id
                WHERE c.deleted = FALSE""".formatted(sums);
    }

    /**
     * A subquery of {@code customer_id, revenue, margin, orders, days_to_pay, paid} over the
     * window from {@code from} through {@code to}.
     */
    String aggregate(LocalDate from, LocalDate to) {
        return "(" + aggregateWhere(from, to, "TRUE") + ")";
    }

    /**
     * A statement of {@code id} (a customer not deleted) and the aggregate's columns, over one
     * product line's lines in the window; its one parameter is the line.
     */
    String onLine(LocalDate from, LocalDate to) {
        return onLine.formatted(day(from), day(to));
    }

    /**
     * {@code customer_id, revenue, margin, orders, days_to_pay, paid} of the window's lines that
     * also meet {@code condition} (an SQL condition on {@code sales_order}), per customer.
     */
    String aggregateWhere(LocalDate from, LocalDate to, String condition) {
        return "SELECT customer_id, " + sums.formatted(day(from), day(to)) + " AND (" + condition
                + ")\n GROUP BY customer_id";
    }

    /** A date literal both databases read; from a {@link LocalDate}, so nothing else can get in. */
    static String day(LocalDate day) {
        return "DATE '" + day + "'";
    }

    /** Streams a statement that joins an aggregate. */
    public static void stream(JdbcTemplate jdbc, String sql, RowCallbackHandler rows) {
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setFetchSize(5_000);
            return ps;
        }, rows);
    }

    /**
     * The figures of the row's customer ({@code id} and the aggregate's columns); none means zero.
     * Revenue is the net of sales and credit notes; a customer whose credit notes come to more than
     * their sales in the window ranks as no revenue, never as less than none.
     */
    /**
     * A customer's figures with its profile's potential and loyalty: the row also holds the
     * customer's {@code potential} and {@code created_at}; years are counted to {@code asOf}.
     */
    public static CustomerFigures withProfile(ResultSet rs, LocalDate asOf) throws SQLException {
        CustomerFigures sales = of(rs);
        int potential = rs.getInt("potential");
        Integer known = rs.wasNull() ? null : potential;
        Timestamp created = rs.getTimestamp("created_at");
        Double years = created == null ? null
                : Math.max(0, ChronoUnit.DAYS.between(created.toLocalDateTime().toLocalDate(), asOf)) / 365.25;
        return new CustomerFigures(sales.customerId(), sales.revenue(), sales.margin(), sales.orderCount(),
                sales.averageDaysToPay(), known, years);
    }

    public static CustomerFigures of(ResultSet rs) throws SQLException {
        BigDecimal revenue = Objects.requireNonNullElse(rs.getBigDecimal("revenue"), BigDecimal.ZERO);
        long paid = rs.getLong("paid");
        Double averageDaysToPay = paid == 0 ? null : rs.getLong("days_to_pay") / (double) paid;
        return new CustomerFigures(rs.getLong("id"), revenue, rs.getBigDecimal("margin"), rs.getLong("orders"),
                averageDaysToPay);
    }
}

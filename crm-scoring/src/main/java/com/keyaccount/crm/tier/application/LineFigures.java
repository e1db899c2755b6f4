package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@link WindowFigures#aggregatePerLine()} gathered up: each product line's customers
 * with their figures on it, each customer's figures over all its lines (its book figures), and
 * what lines without a product line leave out of the per-line rankings.
 */
public final class LineFigures {

    private final Map<Long, Sums> customers = new HashMap<>();
    private final Map<Long, List<CustomerFigures>> byLine = new HashMap<>();
    private final Sums withoutLine = new Sums();

    /**
     * Adds one row: a customer ({@code id}) with one line group of the aggregate (none when
     * {@code sold} is NULL: no lines in the window).
     */
    public void add(ResultSet rs) throws SQLException {
        long customer = rs.getLong("id");
        Sums sums = customers.computeIfAbsent(customer, id -> new Sums());
        rs.getLong("sold");
        if (rs.wasNull()) {
            return;
        }
        CustomerFigures group = WindowFigures.of(customer, rs);
        long days = rs.getLong("days_to_pay");
        long paid = rs.getLong("paid");
        sums.add(group, days, paid);
        long line = rs.getLong("product_line_id");
        if (rs.wasNull()) {
            withoutLine.add(group, days, paid);
        } else {
            byLine.computeIfAbsent(line, id -> new ArrayList<>()).add(group);
        }
    }

    /** The customer's figures over all its lines, with or without a product line. */
    public CustomerFigures customer(long customerId) {
        return customers.getOrDefault(customerId, new Sums()).figures(customerId);
    }

    public Map<Long, List<CustomerFigures>> byLine() {
        return byLine;
    }

    /** Sale lines without a product line: not counted on any line. */
    public long ordersWithoutLine() {
        return withoutLine.orders;
    }

    /** Net revenue of the lines without a product line: not counted on any line. */
    public BigDecimal revenueWithoutLine() {
        return withoutLine.revenue;
    }

    /** Running totals of one customer (or of the lines without a product line). */
    private static final class Sums {
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal margin;
        long orders;
        long days;
        long paid;

        void add(CustomerFigures group, long groupDays, long groupPaid) {
            revenue = revenue.add(group.revenue());
            if (group.margin() != null) {
                margin = margin == null ? group.margin() : margin.add(group.margin());
            }
            orders += group.orderCount();
            days += groupDays;
            paid += groupPaid;
        }

        CustomerFigures figures(long customerId) {
            return new CustomerFigures(customerId, revenue, margin, orders, paid == 0 ? null : days / (double) paid);
        }
    }
}

package com.keyaccount.crm.dashboard.application;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The FROM and WHERE every overview query shares, for one filter: the filtered customers
 * ({@code c}), their tier ({@code tier}) and their sales in the window ({@code s}: net revenue,
 * credit notes, gross margin). With a product line, only customers with sales on it count — or,
 * when the policy ranks per product line, those with a tier on it, which is then the tier shown.
 */
final class OverviewScope {

    private static final String SALES = """
            (SELECT customer_id, SUM(amount) AS revenue,
                    SUM(CASE WHEN amount < 0 THEN amount ELSE 0.00 END) AS credits, SUM(margin) AS margin
             FROM sales_order WHERE order_date >= ? AND order_date <= ?%s
             GROUP BY customer_id)""";

    private final String from;
    private final String tier;
    private final List<Object> args = new ArrayList<>();

    OverviewScope(DashboardFilter filter, LocalDate first, LocalDate last, boolean lineTiers) {
        Long line = filter.productLine();
        String sales = SALES.formatted(line == null ? "" : " AND product_line_id = ?");
        StringBuilder sql = new StringBuilder("customer c");
        if (line != null && lineTiers) {
            sql.append(" JOIN customer_line_tier l ON l.customer_id = c.id AND l.product_line_id = ?");
            args.add(line);
            tier = "l.tier";
        } else {
            sql.append(" LEFT JOIN customer_tier t ON t.customer_id = c.id");
            tier = "t.effective_tier";
        }
        sql.append(line != null && !lineTiers ? " JOIN " : " LEFT JOIN ").append(sales).append(" s ON s.customer_id = c.id");
        args.add(Date.valueOf(first));
        args.add(Date.valueOf(last));
        if (line != null) {
            args.add(line);
        }
        sql.append(" WHERE ").append(filter.where(args));
        this.from = sql.toString();
    }

    /** {@code customer c ... WHERE ...}, to follow a SELECT's FROM. */
    String from() {
        return from;
    }

    /** The column holding the tier that is shown. */
    String tier() {
        return tier;
    }

    Object[] args() {
        return args.toArray();
    }
}

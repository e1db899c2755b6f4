package com.keyaccount.crm.targets.application;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each account manager's book did in a span of days: net revenue (credit notes subtracted),
 * orders with a sale, customers who bought, and customers who became key accounts (entered the top
 * tier from a lower one, or were first classified into it having joined in the span).
 */
@Component
class ActualFigures {

    record Span(LocalDate from, LocalDate to) {
    }

    record Done(BigDecimal revenue, long orders, long buyingCustomers, long newKeyAccounts) {
        static final Done NONE = new Done(BigDecimal.ZERO, 0, 0, 0);
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    ActualFigures(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    Map<Long, Done> byOwner(Span span) {
        Map<Long, Done> done = new HashMap<>();
        jdbc.sql("""
                SELECT owner_id, SUM(net), SUM(sold), COUNT(DISTINCT CASE WHEN sold = 1 THEN customer_id END)
                FROM (SELECT c.owner_id, o.customer_id, o.order_no, SUM(o.amount) AS net,
                             MAX(CASE WHEN o.amount > 0 THEN 1 ELSE 0 END) AS sold
                      FROM sales_order o JOIN customer c ON c.id = o.customer_id AND c.deleted = FALSE
                      WHERE o.order_date BETWEEN :from AND :to
                      GROUP BY c.owner_id, o.customer_id, o.order_no) orders
                GROUP BY owner_id
                """).param("from", span.from()).param("to", span.to())
                .query((rs, n) -> done.put(rs.getLong(1), new Done(rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4), 0)))
                .list();
        Timestamp from = Timestamp.from(span.from().atStartOfDay(zone).toInstant());
        Timestamp until = Timestamp.from(span.to().plusDays(1).atStartOfDay(zone).toInstant());
        jdbc.sql("""
                SELECT c.owner_id, COUNT(DISTINCT t.customer_id)
                FROM tier_change t JOIN customer c ON c.id = t.customer_id AND c.deleted = FALSE
                WHERE t.to_tier = 'A' AND t.changed_at >= :from AND t.changed_at < :until
                  AND (t.from_tier <> 'A' OR t.from_tier IS NULL AND c.created_at >= :from)
                GROUP BY c.owner_id
                """).param("from", from).param("until", until)
                .query((rs, n) -> done.merge(rs.getLong(1), new Done(BigDecimal.ZERO, 0, 0, rs.getLong(2)),
                        (a, b) -> new Done(a.revenue(), a.orders(), a.buyingCustomers(), b.newKeyAccounts())))
                .list();
        return done;
    }
}

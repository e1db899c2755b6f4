package com.keyaccount.crm.dashboard.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.keyaccount.crm.kept.FigureVersion;
import com.keyaccount.crm.kept.FigureVersion.Versioned;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The overview's KPI figures beyond its groups — customers with sales lines in the window and
 * overdue follow-ups among the customers it counts — and the monthly net revenue trend, each one
 * aggregate query over the same filter. The figures from sales (the trend, customers with sales)
 * are kept like the overview (under the {@link FigureVersion}, for
 * {@code crm.dashboard.cache-seconds}): each reads every sales line of the window, seconds at 2M
 * lines when it was read at every visit. Overdue follow-ups are counted at every visit: they change
 * with each contact logged, which raises no version.
 */
@Service
public class KeyFigures {

    /** Months on the trend: this one and the eleven before. */
    public static final int MONTHS = 12;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final FigureVersion version;
    private final Cache<Versioned<Dated<DashboardFilter>>, List<Month>> trends;
    private final Cache<Versioned<Dated<OverviewKey>>, Long> withSales;

    public KeyFigures(JdbcTemplate jdbc, Clock clock, ZoneId businessZone, FigureVersion version) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = businessZone;
        this.version = version;
        this.trends = version.cache(1_000);
        this.withSales = version.cache(1_000);
    }

    /** A key for today only: the trend's months and the window move at midnight. */
    private record Dated<K>(K key, LocalDate today) {
    }

    private record OverviewKey(DashboardFilter filter, LocalDate from, LocalDate to, boolean lineTiers) {
    }

    /**
     * Among the overview's customers: how many have a sales line (a sale, credit note or return)
     * in its window — on its product line, with one — and how many, not lost, have a follow-up
     * due before today (as the coverage page counts them).
     */
    public record Kpis(long customersWithSales, long overdue, LocalDate today) {
    }

    public Kpis kpis(Overview overview) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        OverviewScope scope = new OverviewScope(overview.filter(), overview.from(), overview.to(), overview.lineTiers());
        if (overview.filter().productLine() != null) {
            // on a product line the customers counted are those with sales on it: one query for both
            List<Object> args = new ArrayList<>();
            args.add(Date.valueOf(today));
            args.addAll(List.of(scope.args()));
            return jdbc.queryForObject("""
                    SELECT COUNT(s.customer_id) AS with_sales,
                           SUM(CASE WHEN c.status <> 'LOST' AND EXISTS (SELECT 1 FROM follow_up f
                                    WHERE f.customer_id = c.id AND f.due_on < ?) THEN 1 ELSE 0 END) AS overdue
                    FROM %s""".formatted(scope.from()),
                    (rs, n) -> new Kpis(rs.getLong("with_sales"), rs.getLong("overdue"), today), args.toArray());
        }
        long sales = version.kept(withSales, new Dated<>(new OverviewKey(overview.filter(), overview.from(),
                overview.to(), overview.lineTiers()), today), key -> jdbc.queryForObject(
                        "SELECT COUNT(s.customer_id) FROM " + scope.from(), Long.class, scope.args()));
        // without a product line every filtered customer counts, with sales or not: no sales to read
        List<Object> args = new ArrayList<>();
        String where = overview.filter().where(args);
        args.add(Date.valueOf(today));
        Long overdue = jdbc.queryForObject("""
                SELECT COUNT(*) FROM customer c WHERE %s AND c.status <> 'LOST' AND EXISTS (SELECT 1 FROM follow_up f
                       WHERE f.customer_id = c.id AND f.due_on < ?)""".formatted(where),
                Long.class, args.toArray());
        return new Kpis(sales, overdue == null ? 0 : overdue, today);
    }

    /**
     * Net revenue (sales less credit notes and returns, each on its own date), credit notes,
     * gross margin (null when no line of the month carries one) and the customers with a sales
     * line, per calendar month; {@code last} is today for this month.
     */
    public record Month(YearMonth month, LocalDate first, LocalDate last, BigDecimal revenue, BigDecimal creditNotes,
            BigDecimal margin, long customers) {
    }

    /** The last {@link #MONTHS} months, oldest first, months without sales as zero: one grouped query. */
    public List<Month> trend(DashboardFilter filter) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return version.kept(trends, new Dated<>(filter, today), key -> trend(filter, today));
    }

    private List<Month> trend(DashboardFilter filter, LocalDate today) {
        YearMonth current = YearMonth.from(today);
        LocalDate first = current.minusMonths(MONTHS - 1L).atDay(1);
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(first), Date.valueOf(today)));
        String line = "";
        if (filter.productLine() != null) {
            line = " AND o.product_line_id = ?";
            args.add(filter.productLine());
        }
        String where = filter.where(args);
        Map<YearMonth, Month> found = new HashMap<>();
        jdbc.query("""
                SELECT EXTRACT(YEAR FROM o.order_date) AS y, EXTRACT(MONTH FROM o.order_date) AS m,
                       SUM(o.amount) AS revenue, SUM(CASE WHEN o.amount < 0 THEN o.amount ELSE 0.00 END) AS credits,
                       SUM(o.margin) AS margin, COUNT(DISTINCT o.customer_id) AS customers
                FROM sales_order o JOIN customer c ON c.id = o.customer_id
                WHERE o.order_date >= ? AND o.order_date <= ?%s AND %s
                GROUP BY EXTRACT(YEAR FROM o.order_date), EXTRACT(MONTH FROM o.order_date)""".formatted(line, where),
                rs -> {
                    YearMonth month = YearMonth.of(rs.getInt("y"), rs.getInt("m"));
                    found.put(month, month(month, today, rs.getBigDecimal("revenue"), rs.getBigDecimal("credits"),
                            rs.getBigDecimal("margin"), rs.getLong("customers")));
                }, args.toArray());
        List<Month> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            YearMonth month = current.minusMonths(i);
            months.add(found.getOrDefault(month, month(month, today, null, null, null, 0)));
        }
        return months;
    }

    private static Month month(YearMonth month, LocalDate today, BigDecimal revenue, BigDecimal credits,
            BigDecimal margin, long customers) {
        LocalDate end = month.atEndOfMonth();
        return new Month(month, month.atDay(1), end.isAfter(today) ? today : end,
                Objects.requireNonNullElse(revenue, BigDecimal.ZERO), Objects.requireNonNullElse(credits, BigDecimal.ZERO),
                margin, customers);
    }
}

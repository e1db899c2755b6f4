package com.keyaccount.crm.bench;

import com.keyaccount.crm.tier.TiersChanged;
import java.net.http.HttpClient;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sales organisation's pages (issue 19) on the benchmark book: the targets board of this year
 * and quarter (a grouped read of the period's orders, this year's and the year before's, kept for a
 * minute), beside its two grouped queries alone; the quarter's account plans list of the director
 * (every top-tier account) and of the manager with the largest book; one account's plan page.
 */
final class OrganisationBenchmark {

    private OrganisationBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, String base, int samples) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        LocalDate today = LocalDate.now(app.getBean(ZoneId.class));
        long topTier = jdbc.queryForObject("SELECT COUNT(*) FROM customer_tier WHERE effective_tier = 'A'", Long.class);
        TierBenchmark.report("Organisation (issue 19): %,d top-tier accounts; %d samples a line", topTier, samples);
        HttpClient director = HttpLoad.loggedIn(base, "director");
        String manager = jdbc.queryForObject("""
                SELECT u.username FROM app_user u JOIN customer c ON c.owner_id = u.id
                GROUP BY u.username ORDER BY COUNT(*) DESC LIMIT 1""", String.class);
        HttpClient largest = HttpLoad.loggedIn(base, manager);

        for (String period : new String[] {String.valueOf(today.getYear()),
                today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1)}) {
            LocalDate from = period.contains("Q") ? today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1)
                    : today.withDayOfYear(1);
            long[] bare = HttpLoad.sample(samples, () -> {
                grouped(jdbc, from, today);
                grouped(jdbc, from.minusYears(1), today.minusYears(1));
            });
            String url = base + "/targets?period=" + period;
            CustomerListBenchmark.get(director, url); // warm-up
            long[] afterChange = HttpLoad.sample(samples, () -> {
                app.publishEvent(new TiersChanged("benchmark", false)); // the kept figures computed afresh
                CustomerListBenchmark.get(director, url);
            });
            long[] kept = HttpLoad.sample(samples, () -> CustomerListBenchmark.get(director, url));
            TierBenchmark.report("(O) targets %-8s the two grouped queries p50 %7.1f ms | GET /targets afresh p50 %7.1f "
                    + "p95 %7.1f ms (%.2fx the queries), kept p50 %5.1f p95 %5.1f ms", period, HttpLoad.ms(bare, 50),
                    HttpLoad.ms(afterChange, 50), HttpLoad.ms(afterChange, 95),
                    HttpLoad.ms(afterChange, 50) / Math.max(0.1, HttpLoad.ms(bare, 50)), HttpLoad.ms(kept, 50),
                    HttpLoad.ms(kept, 95));
        }
        for (String who : new String[] {"director", manager}) {
            HttpClient client = "director".equals(who) ? director : largest;
            CustomerListBenchmark.get(client, base + "/plans");
            long[] first = HttpLoad.sample(samples, () -> CustomerListBenchmark.get(client, base + "/plans"));
            long[] later = HttpLoad.sample(samples, () -> CustomerListBenchmark.get(client,
                    base + "/plans?shown=NONE&page=20"));
            TierBenchmark.report("(O) plans list, %-10s first page p50 %6.1f p95 %6.1f ms | 'no plan yet' page 21 p50 %6.1f "
                    + "p95 %6.1f ms", who, HttpLoad.ms(first, 50), HttpLoad.ms(first, 95), HttpLoad.ms(later, 50),
                    HttpLoad.ms(later, 95));
        }
        Long account = jdbc.queryForObject("""
                SELECT t.customer_id FROM customer_tier t JOIN customer c ON c.id = t.customer_id
                JOIN app_user u ON u.id = c.owner_id WHERE t.effective_tier = 'A' AND u.username = ?
                ORDER BY t.customer_id LIMIT 1""", Long.class, manager);
        String page = base + "/customers/" + account + "/plans/" + today.getYear() + "-Q"
                + ((today.getMonthValue() - 1) / 3 + 1);
        CustomerListBenchmark.get(largest, page);
        long[] plan = HttpLoad.sample(samples, () -> CustomerListBenchmark.get(largest, page));
        TierBenchmark.report("(O) an account's plan page (no plan yet, the quarter's review absent) p50 %6.1f p95 %6.1f ms",
                HttpLoad.ms(plan, 50), HttpLoad.ms(plan, 95));
    }

    /** The board's orders query alone, for the span: the figure its page is compared with. */
    private static void grouped(JdbcTemplate jdbc, LocalDate from, LocalDate to) {
        jdbc.query("""
                SELECT owner_id, SUM(net), SUM(sold), COUNT(DISTINCT CASE WHEN sold = 1 THEN customer_id END)
                FROM (SELECT c.owner_id, o.customer_id, o.order_no, SUM(o.amount) AS net,
                             MAX(CASE WHEN o.amount > 0 THEN 1 ELSE 0 END) AS sold
                      FROM sales_order o JOIN customer c ON c.id = o.customer_id AND c.deleted = FALSE
                      WHERE o.order_date BETWEEN ? AND ?
                      GROUP BY c.owner_id, o.customer_id, o.order_no) orders
                GROUP BY owner_id""", rs -> {
                }, Date.valueOf(from), Date.valueOf(to));
    }
}

package com.keyaccount.crm.bench;

import com.keyaccount.crm.followup.application.MyDay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of issue 4: the My-day page of the account manager with the largest book, under
 * closed-loop concurrent load over loopback HTTP (8 connections, real login, security,
 * templates), next to (a) its main SQL query alone and (b) the whole My-day use case in-process
 * (every query it runs, no HTTP).
 */
final class MyDayBenchmark {

    private MyDayBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, int connections, Duration duration) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        MyDay myDay = app.getBean(MyDay.class);
        // the schedule was just written in bulk; in production autovacuum has long since done this
        jdbc.execute("VACUUM ANALYZE follow_up");
        jdbc.execute("VACUUM ANALYZE customer");
        var busiest = jdbc.queryForMap("""
                SELECT u.id, u.username, COUNT(*) AS customers FROM app_user u JOIN customer c ON c.owner_id = u.id
                WHERE c.deleted = FALSE GROUP BY u.id, u.username ORDER BY COUNT(*) DESC LIMIT 1""");
        long owner = ((Number) busiest.get("id")).longValue();
        LocalDate today = myDay.today();
        long logs = jdbc.queryForObject("SELECT COUNT(*) FROM contact_log", Long.class);
        var view = myDay.of(owner);
        TierBenchmark.report("My day of %s: %,d customers, %,d overdue, %,d due today, %,d this week; %,d contact logs in all",
                busiest.get("username"), ((Number) busiest.get("customers")).longValue(), view.overdue().total(),
                view.dueToday().total(), view.thisWeek().total(), logs);

        long[] sql = HttpLoad.sample(200, () -> overdueQuery(jdbc, owner, today));
        long[] useCase = HttpLoad.sample(200, () -> myDay.of(owner));

        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient client = HttpLoad.loggedIn(base, (String) busiest.get("username"));
        HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/my-day")).GET().build();
        HttpLoad.run(client, page, connections, Duration.ofSeconds(3)); // warm-up
        HttpLoad.Result result = HttpLoad.run(client, page, connections, duration);

        TierBenchmark.report("(d) My-day overdue SQL alone                 p50 %6.2f ms  p95 %6.2f ms", HttpLoad.ms(sql, 50), HttpLoad.ms(sql, 95));
        TierBenchmark.report("(e) My-day use case, all its SQL, in-process p50 %6.2f ms  p95 %6.2f ms", HttpLoad.ms(useCase, 50),
                HttpLoad.ms(useCase, 95));
        TierBenchmark.report("(f) GET /my-day, %d connections, %d s: %,d requests, %,.0f req/s, %d errors",
                connections, duration.toSeconds(), result.latencies().length, result.latencies().length
                        / (double) duration.toSeconds(), result.errors());
        TierBenchmark.report("    p50 %6.2f ms  p95 %6.2f ms   ratio p95 page / p95 use case = %.1f, / p95 SQL = %.1f",
                HttpLoad.ms(result.latencies(), 50), HttpLoad.ms(result.latencies(), 95), HttpLoad.ms(result.latencies(), 95) / HttpLoad.ms(useCase, 95),
                HttpLoad.ms(result.latencies(), 95) / HttpLoad.ms(sql, 95));
    }

    /** The overdue list of one manager: the query the page is built around. */
    private static void overdueQuery(JdbcTemplate jdbc, long owner, LocalDate today) {
        AtomicLong rows = new AtomicLong();
        jdbc.query("""
                SELECT f.customer_id, c.code, c.name, f.tier, f.due_on, f.due_rule, f.basis_on, f.interval_days,
                       f.last_contact_on, f.last_visit_on, c.status, p.stage, f.prospect_class, f.priority_class
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                LEFT JOIN prospect p ON p.customer_id = f.customer_id
                WHERE f.owner_id = ? AND f.due_on < ?
                ORDER BY f.tier, f.due_on, f.priority_class NULLS LAST, f.customer_id LIMIT 50""", rs -> {
            rows.incrementAndGet();
        }, owner, Date.valueOf(today));
        jdbc.queryForObject("SELECT COUNT(*) FROM follow_up f WHERE f.owner_id = ? AND f.due_on < ?", Long.class,
                owner, Date.valueOf(today));
    }

}

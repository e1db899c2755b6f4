package com.keyaccount.crm.bench;

import com.keyaccount.crm.followup.application.MyDay;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark of issue 4: the My-day page of the account manager with the largest book, under
 * closed-loop concurrent load over loopback HTTP (8 connections, real login, security,
 * templates), next to (a) its main SQL query alone and (b) the whole My-day use case in-process
 * (every query it runs, no HTTP).
 */
final class MyDayBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

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

        long[] sql = sample(200, () -> overdueQuery(jdbc, owner, today));
        long[] useCase = sample(200, () -> myDay.of(owner));

        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient client = loggedIn(base, (String) busiest.get("username"));
        HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/my-day")).GET().build();
        load(client, page, connections, Duration.ofSeconds(3)); // warm-up
        Load result = load(client, page, connections, duration);

        TierBenchmark.report("(d) My-day overdue SQL alone                 p50 %6.2f ms  p95 %6.2f ms", ms(sql, 50), ms(sql, 95));
        TierBenchmark.report("(e) My-day use case, all its SQL, in-process p50 %6.2f ms  p95 %6.2f ms", ms(useCase, 50),
                ms(useCase, 95));
        TierBenchmark.report("(f) GET /my-day, %d connections, %d s: %,d requests, %,.0f req/s, %d errors",
                connections, duration.toSeconds(), result.latencies.length, result.latencies.length
                        / (double) duration.toSeconds(), result.errors);
        TierBenchmark.report("    p50 %6.2f ms  p95 %6.2f ms   ratio p95 page / p95 use case = %.1f, / p95 SQL = %.1f",
                ms(result.latencies, 50), ms(result.latencies, 95), ms(result.latencies, 95) / ms(useCase, 95),
                ms(result.latencies, 95) / ms(sql, 95));
    }

    /** The overdue list of one manager: the query the page is built around. */
    private static void overdueQuery(JdbcTemplate jdbc, long owner, LocalDate today) {
        AtomicLong rows = new AtomicLong();
        jdbc.query("""
                SELECT f.customer_id, c.code, c.name, f.tier, f.due_on, f.due_rule, f.basis_on, f.interval_days,
                       f.last_contact_on, f.last_visit_on
                FROM follow_up f JOIN customer c ON c.id = f.customer_id
                WHERE f.owner_id = ? AND f.due_on < ?
                ORDER BY f.tier, f.due_on, f.customer_id LIMIT 50""", rs -> {
            rows.incrementAndGet();
        }, owner, Date.valueOf(today));
        jdbc.queryForObject("SELECT COUNT(*) FROM follow_up f WHERE f.owner_id = ? AND f.due_on < ?", Long.class,
                owner, Date.valueOf(today));
    }

    private static HttpClient loggedIn(String base, String username) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo1234&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = response.headers().firstValue("Location").orElse("");
        if (location.contains("error")) {
            throw new IllegalStateException("demo login failed for " + username);
        }
        return client;
    }

    private record Load(long[] latencies, long errors) {
    }

    private static Load load(HttpClient client, HttpRequest request, int connections, Duration duration)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    latencies.add(System.nanoTime() - start);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return new Load(latencies.stream().mapToLong(Long::longValue).sorted().toArray(), errors.get());
    }

    private static long[] sample(int runs, Runnable work) {
        work.run(); // warm-up
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        return times;
    }

    /** The p-th percentile of sorted nanosecond timings, in milliseconds. */
    private static double ms(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}

package com.keyaccount.crm.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The load run of issue 8: {@code users} signed-in users at once (nine in ten account managers,
 * one in ten the director), each in a loop of My day, a customer of their own, logging a contact
 * through the real form (CSRF and submission token), and for the director the dashboard and the
 * customer list. Prints p50 / p95 per kind of request and the errors (any answer but the expected
 * one, which includes a 503 from an exhausted connection pool).
 */
final class MixedLoadBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"");

    private MixedLoadBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, int users, Duration duration) throws Exception {
        report(users, duration, load(app, users, duration));
    }

    /** The same load, its figures not kept: compiles the code the measured run takes. */
    static void warmUp(ConfigurableApplicationContext app, int users, Duration duration) throws Exception {
        load(app, users, duration);
    }

    private record Outcome(Map<String, List<Long>> latencies, long errors) {
    }

    private static Outcome load(ConfigurableApplicationContext app, int users, Duration duration) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        Map<String, List<Long>> books = new ConcurrentHashMap<>();
        for (String manager : List.of("zhang", "li", "wang")) {
            books.put(manager, jdbc.queryForList("""
                    SELECT c.id FROM customer c JOIN app_user u ON u.id = c.owner_id
                    WHERE u.username = ? AND c.deleted = FALSE ORDER BY c.id LIMIT 2000""", Long.class, manager));
        }
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        // every user signs in before the clock starts: fifty password checks at once are not the
        // pages under load this run measures (they took about a tenth of its CPU when they ran inside it)
        List<Future<HttpClient>> signedIn = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String username = username(i);
            signedIn.add(pool.submit(() -> HttpLoad.loggedIn(base, username)));
        }
        List<HttpClient> clients = new ArrayList<>();
        for (Future<HttpClient> client : signedIn) {
            clients.add(client.get());
        }
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String username = username(i);
            HttpClient client = clients.get(i);
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if ("director".equals(username)) {
                        timed(client, base + "/dashboard", "dashboard", latencies, errors);
                        timed(client, base + "/customers", "customer list", latencies, errors);
                        continue;
                    }
                    List<Long> book = books.get(username);
                    long customer = book.get(ThreadLocalRandom.current().nextInt(book.size()));
                    timed(client, base + "/my-day", "my day", latencies, errors);
                    timed(client, base + "/customers/" + customer, "customer detail", latencies, errors);
                    logContact(client, base, customer, latencies, errors);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return new Outcome(latencies, errors.get());
    }

    private static void report(int users, Duration duration, Outcome outcome) {
        Map<String, List<Long>> latencies = outcome.latencies();
        long total = latencies.values().stream().mapToLong(List::size).sum();
        TierBenchmark.report("(j) mixed load, %d users for %d s: %,d requests (%,.0f/s), %d errors", users,
                duration.toSeconds(), total, total / (double) duration.toSeconds(), outcome.errors());
        latencies.forEach((kind, times) -> {
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            TierBenchmark.report("    %-16s %,7d   p50 %7.1f ms   p95 %7.1f ms", kind, sorted.length,
                    HttpLoad.ms(sorted, 50), HttpLoad.ms(sorted, 95));
        });
    }

    /** Nine in ten users are account managers, one in ten the director. */
    private static String username(int i) {
        return i % 10 == 9 ? "director" : List.of("zhang", "li", "wang").get(i % 3);
    }

    private static String timed(HttpClient client, String url, String kind, Map<String, List<Long>> latencies,
            AtomicLong errors) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                errors.incrementAndGet();
            }
            return response.body();
        } catch (Exception e) {
            errors.incrementAndGet();
            return "";
        } finally {
            record(latencies, kind, System.nanoTime() - start);
        }
    }

    private static void logContact(HttpClient client, String base, long customer, Map<String, List<Long>> latencies,
            AtomicLong errors) {
        String form = timed(client, base + "/customers/" + customer + "/logs/new", "log form", latencies, errors);
        Matcher csrf = CSRF.matcher(form);
        Matcher token = TOKEN.matcher(form);
        if (!csrf.find() || !token.find()) {
            errors.incrementAndGet();
            return;
        }
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        String body = "_csrf=" + enc(csrf.group(1)) + "&submissionToken=" + enc(token.group(1))
                + "&channel=PHONE&occurredAt=" + enc(now) + "&summary=" + enc("压力测试电话回访");
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/customers/"
                    + customer + "/logs")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 302 && response.statusCode() != 303) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        } finally {
            record(latencies, "log a contact", System.nanoTime() - start);
        }
    }

    private static void record(Map<String, List<Long>> latencies, String kind, long nanos) {
        latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package com.keyaccount.crm.bench;

import com.keyaccount.crm.care.application.CareSpending;
import com.keyaccount.crm.care.application.CareTasks;
import com.keyaccount.crm.care.application.MyDayCare;
import com.keyaccount.crm.complaint.application.ComplaintQueries;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.dashboard.application.Dashboards;
import com.keyaccount.crm.dashboard.application.Overview;
import com.keyaccount.crm.dashboard.application.ServiceCards;
import com.keyaccount.crm.followup.application.MyDay;
import com.keyaccount.crm.lost.application.LostCustomers;
import com.keyaccount.crm.lost.application.Retention;
import com.keyaccount.crm.survey.application.SatisfactionReport;
import com.keyaccount.crm.survey.application.SurveyRequests;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of issue 18's speed targets, over the data {@link ServiceData} generates beside the
 * book and removes again at the end: (s1) My day with complaints and care tasks of a manager with
 * 2,000 customers, (s2) the dashboard's service panel (complaints, satisfaction, retention) for
 * the director over the whole book with ~1M survey responses, (s3) the care and lost-customer
 * pages for the director. Each is timed in-process (every query the page's controller calls) and
 * as a page over loopback HTTP, logged in, one request at a time (server time, no queueing), and
 * set against a bare-SQL baseline measured in the same run: the plain reads any such page needs.
 */
final class ServiceBenchmark {

    private ServiceBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, int bookSize, int responses, int samples) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        try {
            ServiceData.remove(jdbc);
            TransactionTemplate once = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            long[] manager = new long[1];
            long generated = TierBenchmark.timeMillis(() -> once.executeWithoutResult(
                    status -> manager[0] = ServiceData.generate(jdbc, bookSize, responses)));
            for (String table : new String[] {"customer", "contact", "follow_up", "customer_tier", "complaint",
                "survey_response", "care_task", "customer_loss"}) {
                jdbc.execute("VACUUM ANALYZE " + table);
            }
            TierBenchmark.report("Service: manager %s with %,d customers; %,d survey responses, %,d complaints "
                    + "(%,d open), %,d care tasks, %,d losses in all; generated in %,d ms", ServiceData.MANAGER,
                    count(jdbc, "SELECT COUNT(*) FROM customer WHERE owner_id = ? AND deleted = FALSE", manager[0]),
                    count(jdbc, "SELECT COUNT(*) FROM survey_response"), count(jdbc, "SELECT COUNT(*) FROM complaint"),
                    count(jdbc, "SELECT COUNT(*) FROM complaint WHERE status IN ('RECEIVED', 'ANSWERED')"),
                    count(jdbc, "SELECT COUNT(*) FROM care_task"), count(jdbc, "SELECT COUNT(*) FROM customer_loss"),
                    generated);
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            myDay(app, jdbc, manager[0], base, samples * 4);
            Viewer director = director(jdbc);
            HttpClient client = HttpLoad.loggedIn(base, director.username());
            panel(app, jdbc, director, client, base, samples);
            carePages(app, jdbc, director, client, base, samples);
        } finally {
            ServiceData.remove(jdbc);
        }
    }

    /** (s1) The manager's My day: its plain reads, the use case in-process, the page. */
    private static void myDay(ConfigurableApplicationContext app, JdbcTemplate jdbc, long manager, String base,
            int samples) throws Exception {
        MyDay myDay = app.getBean(MyDay.class);
        MyDayCare care = app.getBean(MyDayCare.class);
        ComplaintQueries complaints = app.getBean(ComplaintQueries.class);
        SurveyRequests surveys = app.getBean(SurveyRequests.class);
        LocalDate today = myDay.today();
        var view = myDay.of(manager);
        TierBenchmark.report("My day of %s: %,d overdue, %,d due today, %,d this week; %,d overdue complaints, "
                + "%,d care tasks due, %,d interviews, %,d surveys due", ServiceData.MANAGER, view.overdue().total(),
                view.dueToday().total(), view.thisWeek().total(), complaints.overdueOf(manager).size(),
                care.of(manager).tasks().total(), care.of(manager).interviews().size(), surveys.dueFor(manager).size());
        long[] sql = HttpLoad.sample(samples, () -> {
            jdbc.query("""
                    SELECT f.customer_id, c.code, c.name, f.tier, f.due_on FROM follow_up f
                    JOIN customer c ON c.id = f.customer_id WHERE f.owner_id = ? AND f.due_on <= ?
                    ORDER BY f.tier, f.due_on, f.customer_id LIMIT 110""", rs -> { }, manager,
                    Date.valueOf(today.plusDays(7)));
            jdbc.query("SELECT id, customer_id, resolve_due_at FROM complaint WHERE owner_id = ? "
                    + "AND status IN ('RECEIVED', 'ANSWERED') ORDER BY resolve_due_at LIMIT 20", rs -> { }, manager);
            jdbc.query("SELECT id, customer_id, occasion_on FROM care_task WHERE assignee_id = ? "
                    + "AND state IN ('OPEN', 'PENDING_APPROVAL') ORDER BY occasion_on LIMIT 20", rs -> { }, manager);
        });
        long[] useCase = HttpLoad.sample(samples, () -> {
            myDay.of(manager);
            care.of(manager);
            complaints.overdueOf(manager);
            surveys.dueFor(manager).size();
        });
        // where the use case's time goes, part by part
        long[] days = HttpLoad.sample(samples, () -> myDay.of(manager));
        long[] cares = HttpLoad.sample(samples, () -> care.of(manager));
        long[] overdue = HttpLoad.sample(samples, () -> complaints.overdueOf(manager));
        long[] due = HttpLoad.sample(samples, () -> surveys.dueFor(manager));
        HttpClient client = HttpLoad.loggedIn(base, ServiceData.MANAGER);
        long[] page = HttpLoad.sample(samples, () -> get(client, base + "/my-day"));
        TierBenchmark.report("      p50 of its parts: follow-ups %.1f ms, care %.1f ms, overdue complaints %.1f ms, "
                + "surveys due %.1f ms", HttpLoad.ms(days, 50), HttpLoad.ms(cares, 50), HttpLoad.ms(overdue, 50),
                HttpLoad.ms(due, 50));
        TierBenchmark.report("(s1a) My day's plain reads (due, complaints, care) p50 %6.2f ms  p95 %6.2f ms",
                HttpLoad.ms(sql, 50), HttpLoad.ms(sql, 95));
        line("(s1b) My day use case in-process, all its SQL", useCase, sql);
        line("(s1c) GET /my-day, one at a time           ", page, sql);
        // issue 20's goal for a manager of this size: the page under concurrent load, against the use case
        int connections = Integer.parseInt(TierBenchmark.env("CRM_BENCH_CONNECTIONS", "8"));
        Duration duration = Duration.ofSeconds(Long.parseLong(TierBenchmark.env("CRM_BENCH_SECONDS", "20")));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/my-day")).GET().build();
        HttpLoad.run(client, request, connections, Duration.ofSeconds(3)); // warm-up
        HttpLoad.Result loaded = HttpLoad.run(client, request, connections, duration);
        TierBenchmark.report("(s1d) GET /my-day, %d connections, %d s: %,d requests, %d errors; p50 %6.1f ms  p95 %6.1f ms"
                + "   ratio p95 page / p95 use case = %.1f (goal: <= 2, and p95 <= 100 ms)", connections,
                duration.toSeconds(), loaded.latencies().length, loaded.errors(), HttpLoad.ms(loaded.latencies(), 50),
                HttpLoad.ms(loaded.latencies(), 95), HttpLoad.ms(loaded.latencies(), 95) / HttpLoad.ms(useCase, 95));
    }

    /** (s2) The service panel as DashboardController computes it, and the dashboard. */
    private static void panel(ConfigurableApplicationContext app, JdbcTemplate jdbc, Viewer director,
            HttpClient client, String base, int samples) throws Exception {
        ComplaintQueries complaints = app.getBean(ComplaintQueries.class);
        SatisfactionReport satisfaction = app.getBean(SatisfactionReport.class);
        Retention retention = app.getBean(Retention.class);
        ZoneId zone = app.getBean(ZoneId.class);
        Overview overview = app.getBean(Dashboards.class).overview(new DashboardFilter(null, null, null));
        Instant from = overview.from().atStartOfDay(zone).toInstant();
        Instant to = overview.to().plusDays(1).atStartOfDay(zone).toInstant();
        LocalDate today = LocalDate.now(zone);
        long[] sql = HttpLoad.sample(samples, () -> {
            jdbc.queryForMap("SELECT COUNT(*), SUM(score), SUM(CASE WHEN recommend >= 9 THEN 1 ELSE 0 END) "
                    + "FROM survey_response WHERE answered_at >= ?", Timestamp.valueOf(today.minusMonths(12).atStartOfDay()));
            jdbc.queryForMap("SELECT COUNT(*), SUM(CASE WHEN answered_at <= answer_due_at THEN 1 ELSE 0 END) "
                    + "FROM complaint WHERE received_at >= ?", Timestamp.from(from));
            jdbc.queryForList("SELECT owner_id, tier, COUNT(*) FROM customer_loss WHERE lost_on >= ? "
                    + "GROUP BY owner_id, tier", Date.valueOf(today.withDayOfYear(1)));
            jdbc.queryForList("SELECT c.owner_id, t.effective_tier, COUNT(*) FROM customer c "
                    + "LEFT JOIN customer_tier t ON t.customer_id = c.id WHERE c.deleted = FALSE "
                    + "GROUP BY c.owner_id, t.effective_tier");
        });
        ServiceCards panel = app.getBean(ServiceCards.class);
        long[] inProcess = HttpLoad.sample(samples, () -> panel.of(director, from, to, overview.to().getYear()));
        long[] cards = HttpLoad.sample(samples, () -> complaints.panel(director, from, to));
        long[] score = HttpLoad.sample(samples, () -> satisfaction.panel(director));
        long[] kept = HttpLoad.sample(samples, () -> retention.of(director, overview.to().getYear()));
        long[] page = HttpLoad.sample(samples, () -> get(client, base + "/dashboard"));
        TierBenchmark.report("      p50 of its cards: complaints %.1f ms, satisfaction %.1f ms, retention %.1f ms",
                HttpLoad.ms(cards, 50), HttpLoad.ms(score, 50), HttpLoad.ms(kept, 50));
        TierBenchmark.report("(s2a) the panel's plain reads (responses, complaints, losses, book) p50 %6.1f ms  p95 %6.1f ms",
                HttpLoad.ms(sql, 50), HttpLoad.ms(sql, 95));
        line("(s2b) service panel in-process (kept between visits)", inProcess, sql);
        line("(s2c) GET /dashboard, one at a time       ", page, sql);
    }

    /** (s3) The care page and the lost-customers page for the director. */
    private static void carePages(ConfigurableApplicationContext app, JdbcTemplate jdbc, Viewer director,
            HttpClient client, String base, int samples) throws Exception {
        CareSpending spending = app.getBean(CareSpending.class);
        CareTasks tasks = app.getBean(CareTasks.class);
        LostCustomers lost = app.getBean(LostCustomers.class);
        Retention retention = app.getBean(Retention.class);
        int year = lost.today().getYear();
        long[] sql = HttpLoad.sample(samples, () -> {
            jdbc.queryForList("""
                    SELECT c.owner_id, t.effective_tier, COUNT(*), SUM(k.cost) FROM customer c
                    LEFT JOIN customer_tier t ON t.customer_id = c.id
                    LEFT JOIN care_task k ON k.customer_id = c.id AND k.state = 'DONE' AND k.done_on >= ?
                    WHERE c.deleted = FALSE GROUP BY c.owner_id, t.effective_tier""",
                    Date.valueOf(LocalDate.of(year, 1, 1)));
        });
        long[] care = HttpLoad.sample(samples, () -> {
            spending.book(director, year);
            tasks.open(director, 100);
            tasks.pendingApproval(director);
        });
        long[] carePage = HttpLoad.sample(samples, () -> get(client, base + "/care"));
        long[] lostPage = HttpLoad.sample(samples, () -> {
            lost.catchUp();
            retention.of(director, year);
            lost.lostBetween(director, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        });
        long[] lostHttp = HttpLoad.sample(samples, () -> get(client, base + "/lost-customers"));
        long[] lostSql = HttpLoad.sample(samples, () -> {
            jdbc.queryForList("""
                    SELECT c.owner_id, t.effective_tier, COUNT(*), COUNT(l.id) FROM customer c
                    LEFT JOIN customer_tier t ON t.customer_id = c.id
                    LEFT JOIN customer_loss l ON l.customer_id = c.id AND l.lost_on >= ?
                    WHERE c.deleted = FALSE GROUP BY c.owner_id, t.effective_tier""",
                    Date.valueOf(LocalDate.of(year, 1, 1)));
        });
        TierBenchmark.report("(s3a) care spending per manager and tier, one grouped SQL p50 %6.1f ms  p95 %6.1f ms",
                HttpLoad.ms(sql, 50), HttpLoad.ms(sql, 95));
        line("(s3b) /care use case in-process            ", care, sql);
        line("(s3c) GET /care, one at a time             ", carePage, sql);
        TierBenchmark.report("(s3d) customers and losses per manager and tier, one grouped SQL p50 %6.1f ms  p95 %6.1f ms",
                HttpLoad.ms(lostSql, 50), HttpLoad.ms(lostSql, 95));
        line("(s3e) /lost-customers use case in-process  ", lostPage, lostSql);
        line("(s3f) GET /lost-customers, one at a time   ", lostHttp, lostSql);
    }

    private static void line(String what, long[] timed, long[] baseline) {
        TierBenchmark.report("%s p50 %6.1f ms  p95 %6.1f ms   ratio p50 / p50 plain SQL = %.1f", what,
                HttpLoad.ms(timed, 50), HttpLoad.ms(timed, 95), HttpLoad.ms(timed, 50) / HttpLoad.ms(baseline, 50));
    }

    private static Viewer director(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT id, username, display_name FROM app_user WHERE username = 'director'",
                (rs, n) -> new Viewer(rs.getLong(1), rs.getString(2), Role.SALES_DIRECTOR, rs.getString(3)));
    }

    private static void get(HttpClient client, String url) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(url, e);
        }
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}

package com.keyaccount.crm.bench;

import com.keyaccount.crm.prospect.funnel.Funnel;
import com.keyaccount.crm.prospect.funnel.FunnelFilter;
import com.keyaccount.crm.prospect.funnel.Funnels;
import com.keyaccount.crm.prospect.funnel.ProspectCriteria;
import com.keyaccount.crm.prospect.funnel.ProspectCriteria.Focus;
import com.keyaccount.crm.prospect.funnel.ProspectList;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of issue 17: the directors' prospect funnel over {@code prospects} prospects (default
 * 100k) with about {@code changes} stage changes (default 1M), generated set-based into the
 * benchmark database as {@code FUNNEL-…} customers beside the book, and removed again at the end
 * so the other sections' book stays as generated. Prints the median of {@code runs} runs of
 * (fa) the bare reads any funnel needs — prospects per stage now and the last 90 days' stage
 * changes per move, no joins, filters or medians — (fb) the funnel the page shows (all its SQL,
 * in-process), (fb') one manager's funnel, (fc) the first page of the prospects behind its
 * largest period figure and (fd) {@code GET /prospects/funnel} as the director (the page keeps each
 * filter's funnel as briefly as the dashboard its overview), with the ratios to (fa).
 */
final class FunnelBenchmark {

    private static final String PREFIX = "FUNNEL-";

    private FunnelBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, int prospects, int changes, int runs) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        Funnels funnels = app.getBean(Funnels.class);
        ProspectList list = app.getBean(ProspectList.class);
        try {
            remove(jdbc);
            // one transaction, so one connection holds the temporary tables the generation builds on
            TransactionTemplate once = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            long generated = TierBenchmark.timeMillis(
                    () -> once.executeWithoutResult(status -> generate(jdbc, prospects, changes)));
            for (String table : new String[] {"customer", "prospect", "prospect_stage_change"}) {
                jdbc.execute("VACUUM ANALYZE " + table);
            }
            LocalDate today = funnels.today();
            ZoneId zone = app.getBean(ZoneId.class);
            FunnelFilter everyone = new FunnelFilter(null, null, today.minusDays(90), today, 30);
            String start = today.minusDays(90).atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime()
                    .toString().replace('T', ' ');
            TierBenchmark.report("Funnel: %,d prospects, %,d stage changes (%,d in the last 90 days), generated in %,d ms",
                    jdbc.queryForObject("SELECT count(*) FROM customer WHERE code LIKE 'FUNNEL-%'", Long.class),
                    jdbc.queryForObject("SELECT count(*) FROM prospect_stage_change", Long.class),
                    jdbc.queryForObject("SELECT count(*) FROM prospect_stage_change WHERE changed_at >= TIMESTAMP WITH TIME ZONE '"
                            + start + "+00:00'", Long.class), generated);
            long bare = TierBenchmark.median(runs, () -> TierBenchmark.timeMillis(() -> bare(jdbc, start)));
            AtomicLong shown = new AtomicLong();
            long funnel = TierBenchmark.median(runs, () -> TierBenchmark.timeMillis(() -> {
                Funnel f = funnels.compute(everyone);
                shown.set(f.total().prospects());
            }));
            Long manager = jdbc.queryForObject("""
                    SELECT owner_id FROM customer WHERE code LIKE 'FUNNEL-%' GROUP BY owner_id ORDER BY count(*) DESC, owner_id
                    LIMIT 1""", Long.class);
            long one = TierBenchmark.median(runs, () -> TierBenchmark.timeMillis(() -> funnels.compute(
                    new FunnelFilter(manager, null, everyone.from(), everyone.to(), 30))));
            String lead = funnels.names().ladder().lead().code();
            ProspectCriteria behind = new ProspectCriteria(null, null, null, null, null, null, null, null,
                    new Focus(Focus.Kind.STOOD, lead, everyone.from(), everyone.to()));
            long page = TierBenchmark.median(runs, () -> TierBenchmark.timeMillis(
                    () -> list.page(behind, ProspectList.Sort.NAME, false, 0)));
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            HttpClient client = HttpLoad.loggedIn(base, "director");
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/prospects/funnel")).GET().build();
            long http = TierBenchmark.median(runs, () -> TierBenchmark.timeMillis(() -> get(client, request)));
            TierBenchmark.report("(fa) bare SQL: per stage now + 90 days' moves   median %,6d ms", bare);
            TierBenchmark.report("(fb) funnel, whole book (%,d prospects)        median %,6d ms   ratio fb/fa = %.2f",
                    shown.get(), funnel, (double) funnel / Math.max(1, bare));
            TierBenchmark.report("(fb') funnel, one manager's book               median %,6d ms   ratio fb'/fa = %.2f",
                    one, (double) one / Math.max(1, bare));
            TierBenchmark.report("(fc) list behind 'at %s during the period', p1 median %,6d ms   ratio fc/fa = %.2f",
                    lead, page, (double) page / Math.max(1, bare));
            TierBenchmark.report("(fd) GET /prospects/funnel (director, kept 60 s) median %,6d ms   ratio fd/fa = %.2f",
                    http, (double) http / Math.max(1, bare));
        } finally {
            remove(jdbc);
        }
    }

    private static void get(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /prospects/funnel answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What no funnel can read less of: every prospect row by stage, the period's changes by move. */
    private static void bare(JdbcTemplate jdbc, String start) {
        jdbc.query("SELECT stage, count(*) FROM prospect GROUP BY stage", rs -> {
        });
        jdbc.query("""
                SELECT from_stage, to_stage, count(*) FROM prospect_stage_change
                WHERE changed_at >= TIMESTAMP WITH TIME ZONE '%s+00:00' GROUP BY from_stage, to_stage""".formatted(start),
                rs -> {
                });
    }

    /**
     * Prospects created over the last three years, owned by the account managers in turn, in every
     * region; each makes 0 to 2 × the average number of moves, spread over its life so far, climbing
     * the seed's ladder and falling back one stage at a time (a triangle wave up to its own highest
     * stage); one in ten ends refused with a reason, and one that reached A02 or A01 is a customer.
     */
    static void generate(JdbcTemplate jdbc, int prospects, int changes) {
        int average = Math.max(1, Math.round(changes / (float) Math.max(1, prospects)));
        jdbc.execute("""
                CREATE TEMP TABLE funnel_gen ON COMMIT DROP AS
                SELECT r, (r * 7919) %% %2$d AS k, 1 + (r * 104729) %% 8 AS m, 30 + (r * 31337) %% 1065 AS age,
                       (SELECT array_agg(id ORDER BY id) FROM app_user WHERE role = 'ACCOUNT_MANAGER') AS owners
                FROM generate_series(1::bigint, %1$d) r""".formatted(prospects, 2 * average + 1));
        jdbc.execute("""
                INSERT INTO customer (code, name, industry, region, owner_id, status, created_at, updated_at, deleted, version)
                SELECT '%1$s' || r, '潜在客户' || r || '有限公司', 'MANUFACTURING',
                       (ARRAY['EAST','NORTH','SOUTH','CENTRAL','SOUTHWEST','NORTHWEST','NORTHEAST'])[1 + r %% 7],
                       owners[1 + r %% array_length(owners, 1)], 'PROSPECT', now() - make_interval(days => age::int),
                       now(), FALSE, 0
                FROM funnel_gen""".formatted(PREFIX));
        jdbc.execute("""
                CREATE TEMP TABLE funnel_walk ON COMMIT DROP AS
                SELECT c.id AS customer_id, g.r, g.k, j,
                       CASE WHEN j = 1 THEN 0 ELSE g.m - abs(g.m - (j - 1) %% (2 * g.m)) END AS t_from,
                       g.m - abs(g.m - j %% (2 * g.m)) AS t_to,
                       c.created_at + make_interval(secs => g.age * 86400.0 * j / (g.k + 1)) AS at
                FROM funnel_gen g JOIN customer c ON c.code = '%s' || g.r
                CROSS JOIN LATERAL generate_series(1, g.k::int) j""".formatted(PREFIX));
        String path = "(ARRAY['A21','A08','A07','A06','A05','A04','A03','A02','A01'])";
        jdbc.execute("""
                INSERT INTO prospect_stage_change (customer_id, from_stage, to_stage, changed_at, changed_by, ladder_version, reason)
                SELECT customer_id, %1$s[t_from + 1], CASE WHEN j = k AND r %% 10 = 0 THEN 'A31' ELSE %1$s[t_to + 1] END,
                       at, 'benchmark', 0, CASE WHEN t_to < t_from OR (j = k AND r %% 10 = 0) THEN 'benchmark' END
                FROM funnel_walk ORDER BY at""".formatted(path));
        jdbc.execute("""
                INSERT INTO prospect (customer_id, stage, stage_since, close_class, expected_monthly_value, graded_at,
                                      refusal_reason, version)
                SELECT w.customer_id, CASE WHEN w.r %% 10 = 0 THEN 'A31' ELSE %1$s[w.t_to + 1] END, w.at,
                       CASE WHEN (w.r * 13) %% 6 < 5 THEN chr(65 + ((w.r * 13) %% 6)::int) END,
                       CASE WHEN w.r %% 4 <> 0 THEN ((w.r * 7) %% 150) * 1000 END, w.at,
                       CASE WHEN w.r %% 10 = 0 THEN (ARRAY['NO_NEED','PRICE','HAS_SUPPLIER','QUALITY','NO_BUDGET','TIMING',
                                                          'RELATIONSHIP'])[1 + (w.r / 10) %% 7] END, 0
                FROM funnel_walk w WHERE w.j = w.k""".formatted(path));
        jdbc.execute("""
                UPDATE customer c SET status = 'ACTIVE' FROM prospect p
                WHERE p.customer_id = c.id AND p.stage IN ('A02', 'A01') AND c.code LIKE '%s%%'""".formatted(PREFIX));
    }

    /** Takes the generated prospects out again (each table that may hold a row of theirs). */
    static void remove(JdbcTemplate jdbc) {
        String mine = "(SELECT id FROM customer WHERE code LIKE '" + PREFIX + "%')";
        for (String table : new String[] {"prospect_stage_change", "prospect_tick", "prospect", "follow_up",
            "customer_tier", "tier_change"}) {
            jdbc.update("DELETE FROM " + table + " WHERE customer_id IN " + mine);
        }
        jdbc.update("DELETE FROM customer WHERE code LIKE '" + PREFIX + "%'");
    }
}

package com.keyaccount.crm.bench;

import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.dashboard.application.Dashboards;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark of issue 5: the director's overview of the whole book under closed-loop HTTP load
 * (the overview is kept between recomputes, so this is what directors see), next to its SQL
 * aggregations computed afresh, in-process, every query, no HTTP and no cache.
 */
final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, int connections, Duration duration) throws Exception {
        Dashboards dashboards = app.getBean(Dashboards.class);
        DashboardFilter everyone = new DashboardFilter(null, null, null);
        long[] sql = HttpLoad.sample(50, () -> dashboards.compute(everyone));

        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient client = HttpLoad.loggedIn(base, "director");
        HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/dashboard")).GET().build();
        HttpLoad.run(client, page, connections, Duration.ofSeconds(3)); // warm-up
        HttpLoad.Result result = HttpLoad.run(client, page, connections, duration);

        TierBenchmark.report("(h) overview SQL aggregations alone          p50 %6.1f ms  p95 %6.1f ms",
                HttpLoad.ms(sql, 50), HttpLoad.ms(sql, 95));
        TierBenchmark.report("(i) GET /dashboard, %d connections, %d s: %,d requests, %,.0f req/s, %d errors",
                connections, duration.toSeconds(), result.latencies().length,
                result.latencies().length / (double) duration.toSeconds(), result.errors());
        TierBenchmark.report("    p50 %6.1f ms  p95 %6.1f ms   ratio p95 page / p95 SQL = %.1f",
                HttpLoad.ms(result.latencies(), 50), HttpLoad.ms(result.latencies(), 95),
                HttpLoad.ms(result.latencies(), 95) / HttpLoad.ms(sql, 95));
    }
}

package com.keyaccount.crm.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Browser;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health and metrics as an operator and the balancer meet them: on the management port without
 * signing in, nowhere on the application's port; readiness that follows the database; Prometheus
 * metrics of the product's own work, per route and not per id; and a Grafana dashboard that asks
 * only for metrics the application serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext // readiness is taken down here, and the context holds a port of its own
class ManagementEndpointsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SERIES = Pattern.compile("(?m)^([a-z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");

    @LocalServerPort
    private int appPort;
    @LocalManagementPort
    private int managementPort;
    private final Fixtures fixtures;
    private final MockMvc mvc;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TierRecompute recompute;

    ManagementEndpointsTest(Fixtures fixtures, MockMvc mvc, JdbcTemplate jdbc, DataSource dataSource,
            TierRecompute recompute) {
        this.fixtures = fixtures;
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.recompute = recompute;
    }

    @Test
    void health_answers_on_the_management_port_without_signing_in_and_nothing_answers_on_the_application_port()
            throws Exception {
        assertThat(managementPort).isNotEqualTo(appPort);
        HttpResponse<String> readiness = management("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode ready = JsonMapper.shared().readTree(readiness.body());
        assertThat(ready.path("status").asString()).isEqualTo("UP");
        assertThat(ready.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(ready.path("components").path("flyway").path("status").asString()).isEqualTo("UP");
        assertThat(readiness.body()).as("no details for whoever asks").doesNotContain("validationQuery", "database");
        assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(management("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(management("/actuator/info").body()).contains("\"build\"", "crm-app");
        assertThat(management("/actuator/env").statusCode()).as("not exposed").isEqualTo(404);

        Browser admin = Browser.signedIn(appPort, fixtures.user(Role.ADMIN));
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus",
                "/actuator/info", "/actuator")) {
            assertThat(app(path).statusCode()).as("anonymous " + path + " on the application's port").isEqualTo(404);
            assertThat(admin.get(path).statusCode()).as("admin " + path + " on the application's port").isEqualTo(404);
        }
    }

    @Test
    void readiness_is_down_while_the_database_cannot_be_reached_and_liveness_stays_up() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        String user = pool.getUsername();
        try {
            // new connections are refused (no such user) and the pooled ones are let go
            pool.getHikariConfigMXBean().setUsername("no_such_crm_user");
            pool.getHikariPoolMXBean().softEvictConnections();
            HttpResponse<String> readiness = management("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            JsonNode down = JsonMapper.shared().readTree(readiness.body());
            assertThat(down.path("status").asString()).isEqualTo("DOWN");
            assertThat(down.path("components").path("db").path("status").asString()).isEqualTo("DOWN");
            assertThat(management("/actuator/health/liveness").statusCode()).isEqualTo(200);
            // the ERP meanwhile gets a problem it can act on, not an HTML error page
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort
                    + "/api/v1/customers/tiers")).header("Authorization", "Bearer crm_any").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
        } finally {
            pool.getHikariConfigMXBean().setUsername(user);
        }
        // the pool retries with a back-off of up to 5 s: ready again within seconds, by itself
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int status;
        do {
            status = management("/actuator/health/readiness").statusCode();
        } while (status != 200 && System.nanoTime() < deadline);
        assertThat(status).as("ready again").isEqualTo(200);
    }

    @Test
    void prometheus_shows_routes_by_template_the_pool_and_the_products_own_work() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("指标客户"));
        String before = scrape();

        Browser browser = Browser.signedIn(appPort, manager);
        assertThat(browser.get("/customers/" + customer.getId()).statusCode()).isEqualTo(200);
        assertThat(browser.get("/my-day").statusCode()).isEqualTo(200);
        mvc.perform(formLogin("/login").user(manager.getUsername()).password("wrong-password"));
        Imports.upload(mvc, jdbc, director, "sales", ("customer_code,order_no,order_date,amount\n"
                + "NO-SUCH-CUSTOMER,M-1,2026-03-01,10\n").getBytes(StandardCharsets.UTF_8));
        Recomputes.awaitIdle(recompute);
        recompute.run("MANUAL", "metrics-test");
        String after = scrape();

        assertThat(after).contains("uri=\"/customers/{id}\"").doesNotContain("uri=\"/customers/" + customer.getId());
        assertThat(value(after, "hikaricp_connections_max", "")).isPositive();
        assertThat(increase(before, after, "crm_signin_total", "outcome=\"failure\"")).isEqualTo(1);
        assertThat(increase(before, after, "crm_signin_total", "outcome=\"success\"")).isEqualTo(1);
        assertThat(increase(before, after, "crm_myday_seconds_count", "view=\"manager\"")).isEqualTo(1);
        assertThat(increase(before, after, "crm_import_seconds_count",
                "kind=\"sales\",outcome=\"rejected\",source=\"file\"")).as("rejected files").isEqualTo(1);
        assertThat(increase(before, after, "crm_import_lines_total",
                "kind=\"sales\",outcome=\"rejected\",source=\"file\"")).isEqualTo(1);
        assertThat(increase(before, after, "crm_recompute_seconds_count", "outcome=\"done\",trigger=\"manual\""))
                .isEqualTo(1);
        assertThat(after).contains("crm_recompute_customers_moved_total{application=\"crm\",direction=\"up\"}");
        Imports.forget(jdbc, director.getUsername());
    }

    @Test
    void the_grafana_dashboard_asks_only_for_metrics_the_application_serves() throws Exception {
        // the counters and timers that appear once work was done: run a little of each
        recompute.run("MANUAL", "dashboard-test");
        Browser manager = Browser.signedIn(appPort, fixtures.user(Role.ACCOUNT_MANAGER));
        manager.get("/my-day");
        Set<String> served = new TreeSet<>();
        Matcher series = SERIES.matcher(scrape());
        while (series.find()) {
            served.add(series.group(1));
        }
        JsonNode dashboard = JsonMapper.shared().readTree(Files.readString(repositoryFile("ops/grafana/crm-dashboard.json")));
        Set<String> asked = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:crm|http_server|hikaricp|jvm|process)_[a-z_]+)\\b");
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher names = metric.matcher(target.path("expr").asString());
                while (names.find()) {
                    asked.add(names.group(1));
                }
            }
        }
        assertThat(asked).contains("crm_recompute_seconds_max", "crm_myday_seconds_bucket", "crm_signin_total",
                "crm_import_lines_total", "hikaricp_connections_active", "http_server_requests_seconds_bucket");
        // imports are asked for by name; a test above may not have run first
        asked.removeIf(name -> name.startsWith("crm_import_"));
        assertThat(served).containsAll(asked);
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = management("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of the one series of {@code name} whose labels contain {@code labels}; 0 if none. */
    private static double value(String scrape, String name, String labels) {
        Matcher series = SERIES.matcher(scrape);
        double sum = 0;
        while (series.find()) {
            if (series.group(1).equals(name) && (series.group(2) == null ? "" : series.group(2)).contains(labels)) {
                sum += Double.parseDouble(series.group(3));
            }
        }
        return sum;
    }

    private static double increase(String before, String after, String name, String labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    private HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> app(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A file of the repository, found from the module the tests run in. */
    static Path repositoryFile(String path) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        throw new AssertionError(path + " not found above " + Path.of("").toAbsolutePath());
    }
}

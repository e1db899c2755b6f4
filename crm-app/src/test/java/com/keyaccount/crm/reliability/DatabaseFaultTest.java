package com.keyaccount.crm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.ConnectionKiller;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SignedIn;
import com.keyaccount.crm.support.TestDatabase;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Database faults on real PostgreSQL, as a signed-in user sees them: a connection killed in the
 * middle of a save loses the whole save and nothing else, the database going away gives a quick,
 * plain "service unavailable" page, and in both cases the app carries on by itself afterwards.
 */
@FullStackTest
class DatabaseFaultTest {

    /** jdbc:postgresql://host:port/ + database name + optional ?parameters */
    private static final Pattern POSTGRES_URL = Pattern.compile("^(jdbc:postgresql://[^/]*/)([^?/]+)(.*)$");
    /** What the fast failure may take beyond the pool's connection timeout (rendering, a slow CI machine). */
    private static final long MARGIN_MS = 2_000;
    /** Hikari retries a refused connection with a back-off of at most 5 s, then one more timeout. */
    private static final long RECOVERY_MS = 20_000;

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ConnectionKiller killer;
    private final long connectionTimeoutMs;

    DatabaseFaultTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, ConnectionKiller killer,
            DataSource dataSource) throws SQLException {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.killer = killer;
        this.connectionTimeoutMs = dataSource.unwrap(HikariDataSource.class).getConnectionTimeout();
    }

    // per test rather than @BeforeAll: surefire reports each skipped test with this message
    @BeforeEach
    void onlyOnPostgres() {
        assumeTrue(onPostgres(),
                "DatabaseFaultTest kills PostgreSQL connections and needs a real PostgreSQL database: set "
                        + "CRM_TEST_DB_URL=jdbc:postgresql://host:5432/<fresh database> (and CRM_TEST_DB_USER, a "
                        + "superuser or the database owner). This run uses " + TestDatabase.describe());
    }

    @AfterEach
    void leaveTheDatabaseUsable() throws Exception {
        killer.disarm();
        if (!onPostgres()) {
            return;
        }
        allowConnections();
        // a failed test must not leave the next test class a pool still waiting to reconnect
        awaitPoolWorks();
    }

    @Test
    void a_connection_killed_in_the_middle_of_a_save_rolls_it_back_completely_and_the_next_request_works()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("断线前"));
        long id = customer.getId();
        String savedName = Fixtures.unique("已保存名称");
        // a first, normal save, so the customer has audit rows and a follow-up row the failed save touches
        assertThat(edit(manager, customer, version(id), savedName, "ACTIVE").getStatus()).isEqualTo(302);
        long version = version(id);
        Map<String, Object> customerRow = customerRow(id);
        List<Map<String, Object>> auditRows = auditRows(id);
        List<Map<String, Object>> followUpRows = followUpRows(id);
        assertThat(auditRows).isNotEmpty();
        assertThat(followUpRows).hasSize(1);

        killer.armOnce();
        MockHttpServletResponse killed = markLost(manager, id);

        assertThat(killer.killedPid()).as("the hook terminated the request's connection").isNotZero();
        assertThat(killed.getStatus()).isEqualTo(503);
        assertPlainUnavailablePage(killed.getContentAsString());
        assertThat(customerRow(id)).as("customer row").isEqualTo(customerRow);
        assertThat(auditRows(id)).as("audit rows").isEqualTo(auditRows);
        assertThat(followUpRows(id)).as("follow-up row").isEqualTo(followUpRows);
        assertThat(lossRows(id)).as("no loss recorded").isZero();

        // no restart: the very next requests get a healthy connection
        MockHttpServletResponse page = mvc.perform(get("/customers/{id}", id).with(user(Fixtures.principal(manager))))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains(savedName);

        assertThat(markLost(manager, id).getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT status FROM customer WHERE id = ?", String.class, id)).isEqualTo("LOST");
        assertThat(version(id)).isEqualTo(version + 1);
        assertThat(auditRows(id)).hasSizeGreaterThan(auditRows.size());
        assertThat(followUpRows(id)).isNotEqualTo(followUpRows);
        assertThat(lossRows(id)).isEqualTo(1);
    }

    @Test
    void while_the_database_refuses_connections_pages_fail_fast_with_503_and_the_app_recovers_by_itself()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        String name = Fixtures.unique("停机客户");
        Customer customer = fixtures.customer(manager, name);
        long id = customer.getId();
        long version = version(id);
        Map<String, Object> customerRow = customerRow(id);
        assertThat(page(manager, "/customers").getStatus()).isEqualTo(200);
        Cookie browser = SignedIn.as(mvc, manager);

        try {
            refuseConnections();
            // a signed-in browser's session is in the database too: loading it fails the same way
            long loading = System.nanoTime();
            MockHttpServletResponse session = mvc.perform(get("/my-day").cookie(browser)
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).andReturn().getResponse();
            assertThat(session.getStatus()).as("/my-day with the session cookie").isEqualTo(503);
            assertPlainUnavailablePage(session.getContentAsString());
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loading))
                    .isLessThan(connectionTimeoutMs + MARGIN_MS);
            for (String path : List.of("/my-day", "/customers", "/customers/" + id)) {
                long started = System.nanoTime();
                MockHttpServletResponse down = page(manager, path);
                long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(down.getStatus()).as(path).isEqualTo(503);
                assertPlainUnavailablePage(down.getContentAsString());
                assertThat(tookMs).as(path + " answered within the connection timeout (%d ms) plus %d ms",
                        connectionTimeoutMs, MARGIN_MS).isLessThan(connectionTimeoutMs + MARGIN_MS);
            }
            long started = System.nanoTime();
            MockHttpServletResponse save = edit(manager, customer, version, Fixtures.unique("停机时输入"), "ACTIVE");
            assertThat(save.getStatus()).isEqualTo(503);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .isLessThan(connectionTimeoutMs + MARGIN_MS);
        } finally {
            allowConnections();
        }

        // nobody restarts anything: the pool reconnects, and the pages answer again
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECOVERY_MS);
        MockHttpServletResponse back = page(manager, "/customers");
        while (back.getStatus() == 503 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            back = page(manager, "/customers");
        }
        assertThat(back.getStatus()).as("a page after the database came back").isEqualTo(200);
        assertThat(back.getContentAsString()).contains(name);
        assertThat(page(manager, "/my-day").getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/my-day").cookie(browser)).andReturn().getResponse().getStatus())
                .as("still signed in after the outage").isEqualTo(200);
        assertThat(customerRow(id)).as("the save sent while the database was down").isEqualTo(customerRow);
    }

    private MockHttpServletResponse page(AppUser user, String path) throws Exception {
        return mvc.perform(get(path).with(user(Fixtures.principal(user))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse edit(AppUser manager, Customer customer, long version, String name, String status)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/customers/{id}", customer.getId()).with(csrf())
                .with(user(Fixtures.principal(manager))).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("code", customer.getCode()).param("name", name).param("industry", "MANUFACTURING")
                .param("region", "EAST").param("status", status).param("version", Long.toString(version));
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Marks the customer lost on its own form: the customer, its loss, the audit and the follow-up in one go. */
    private MockHttpServletResponse markLost(AppUser manager, long id) throws Exception {
        return mvc.perform(post("/customers/{id}/lost", id).with(csrf()).with(user(Fixtures.principal(manager)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("reason", "COMPETITOR").param("competitor", "华东机电"))
                .andReturn().getResponse();
    }

    private Integer lossRows(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM customer_loss WHERE customer_id = ?", Integer.class, id);
    }

    private static void assertPlainUnavailablePage(String body) {
        assertThat(body).contains("Service unavailable", "Nothing you sent was saved")
                .doesNotContain("Exception", "org.postgresql", "org.hibernate", "org.springframework",
                        "com.keyaccount", "PSQL", "SQLState", "pg_", "terminating connection", "5432");
    }

    private long version(long id) {
        return jdbc.queryForObject("SELECT version FROM customer WHERE id = ?", Long.class, id);
    }

    private Map<String, Object> customerRow(long id) {
        return jdbc.queryForMap("SELECT * FROM customer WHERE id = ?", id);
    }

    private List<Map<String, Object>> auditRows(long id) {
        return jdbc.queryForList("SELECT * FROM audit_event WHERE customer_id = ? ORDER BY id", id);
    }

    private List<Map<String, Object>> followUpRows(long id) {
        return jdbc.queryForList("SELECT * FROM follow_up WHERE customer_id = ?", id);
    }

    /** As if the database server went away: no new connections, and every existing one dropped. */
    private static void refuseConnections() throws Exception {
        try (Connection admin = maintenanceConnection(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + database() + "\" ALLOW_CONNECTIONS false");
            try (PreparedStatement drop = admin.prepareStatement("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = ? AND pid <> pg_backend_pid()""");
                    PreparedStatement left = admin.prepareStatement(
                            "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
                drop.setString(1, database());
                drop.execute();
                left.setString(1, database());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (count(left) > 0 && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                assertThat(count(left)).as("connections to the test database left").isZero();
            }
        }
    }

    private static void allowConnections() throws Exception {
        try (Connection admin = maintenanceConnection(); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE \"" + database() + "\" ALLOW_CONNECTIONS true");
        }
    }

    private void awaitPoolWorks() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECOVERY_MS);
        while (System.nanoTime() < deadline) {
            try {
                jdbc.queryForObject("SELECT 1", Integer.class);
                return;
            } catch (RuntimeException stillReconnecting) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean onPostgres() {
        return TestDatabase.externalUrl().filter(url -> POSTGRES_URL.matcher(url).matches()).isPresent();
    }

    private static String database() {
        return url().group(2);
    }

    /** The server's {@code postgres} database: it stays reachable while the test database refuses connections. */
    private static Connection maintenanceConnection() throws SQLException {
        Matcher url = url();
        return DriverManager.getConnection(url.group(1) + "postgres" + url.group(3), TestDatabase.user(),
                TestDatabase.password());
    }

    private static Matcher url() {
        Matcher url = POSTGRES_URL.matcher(TestDatabase.externalUrl().orElseThrow());
        if (!url.matches()) {
            throw new IllegalStateException("not a PostgreSQL URL: " + TestDatabase.describe());
        }
        return url;
    }
}

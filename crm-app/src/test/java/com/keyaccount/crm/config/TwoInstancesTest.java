package com.keyaccount.crm.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Browser;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.ImportGate;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Instances;
import com.keyaccount.crm.support.TestDatabase;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances of the application on one database, as behind a load balancer (issue 21): two
 * application contexts on random ports, driven over real HTTP. On the PostgreSQL database that
 * CRM_TEST_DB_URL names (shared with the rest of the suite: each test makes its own users and
 * customers), else on a fresh in-memory H2 database that both contexts of this JVM open. Both
 * keep dashboard figures for ten minutes, so a figure that reaches the other instance sooner was
 * not served from its memory. The last test stops one instance under load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest {

    private static final String POOL = "spring.datasource.hikari.maximum-pool-size=5";
    private static final String FIGURES_KEPT = "crm.dashboard.cache-seconds=600";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static int portA;
    private static int portB;
    private static JdbcTemplate jdbc;
    private static Fixtures fixtures;
    private static ZoneId zone;

    @BeforeAll
    static void startTwoInstances() {
        String url = "spring.datasource.url=" + TestDatabase.externalUrl()
                .orElse(TestDatabase.freshH2("two-instances-" + UUID.randomUUID()));
        // B first, so B migrates a fresh database: on in-memory H2 a table's check constraints stop
        // working once the connection that created them closes, and the last test stops A
        b = Instances.start(List.of(Fixtures.class), url, POOL, FIGURES_KEPT);
        a = Instances.start(List.of(ImportGate.class), url, POOL, FIGURES_KEPT);
        portA = Instances.port(a);
        portB = Instances.port(b);
        jdbc = b.getBean(JdbcTemplate.class);
        fixtures = b.getBean(Fixtures.class);
        zone = b.getBean("businessZone", ZoneId.class);
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void a_browser_signed_in_on_one_instance_is_served_by_the_other_form_tokens_and_sign_out_included()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("两台服务器"));
        Browser onA = Browser.signedIn(portA, manager);
        Browser onB = onA.at(portB);

        HttpResponse<String> myDay = onB.get("/my-day");
        assertThat(myDay.statusCode()).isEqualTo(200);
        assertThat(myDay.body()).contains(manager.getDisplayName());

        // the form comes from A, its post goes to B: the CSRF token is the shared session's
        String summary = Fixtures.unique("A 的表单 B 收下");
        String csrf = onA.csrf("/customers/" + customer.getId() + "/logs/new");
        assertThat(logContact(onB, customer.getId(), csrf, UUID.randomUUID().toString(), summary)).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE summary = ?", Integer.class, summary))
                .isEqualTo(1);

        HttpResponse<String> signedOut = onB.send(form(onB, "/logout", "_csrf=" + enc(onB.csrf("/my-day"))));
        assertThat(signedOut.headers().firstValue("Location")).hasValue("/login?logout");
        assertThat(onA.get("/my-day").headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void failed_sign_ins_on_one_instance_make_the_other_wait() throws Exception {
        AppUser user = fixtures.user(Role.ACCOUNT_MANAGER);
        try {
            Browser visitorOnA = Browser.open(portA);
            for (int i = 0; i < 3; i++) {
                assertThat(visitorOnA.signIn(user.getUsername(), "guess-" + i)).isEqualTo("/login?error");
            }
            assertThat(visitorOnA.signIn(user.getUsername(), "guess-3")).isEqualTo("/login?error&wait=1");
            TimeUnit.MILLISECONDS.sleep(1_100);
            assertThat(visitorOnA.signIn(user.getUsername(), "guess-4")).isEqualTo("/login?error&wait=2");

            String onB = Browser.open(portB).signIn(user.getUsername(), Fixtures.PASSWORD);
            assertThat(onB).as("the right password on B, within A's wait").startsWith("/login?wait=");
        } finally {
            // the waits count against 127.0.0.1 too, where other tests sign in from
            jdbc.update("DELETE FROM sign_in_failure WHERE username = ?", user.getUsername());
        }
    }

    @Test
    void an_import_running_on_one_instance_shows_its_progress_and_outcome_on_the_other() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("导入"));
        StringBuilder csv = new StringBuilder("customer_code,order_no,order_date,amount,due_date,paid_date\n");
        LocalDate day = LocalDate.now(zone).minusDays(10);
        for (int i = 0; i < 25; i++) {
            csv.append(customer.getCode()).append(",TWO-").append(i).append(',').append(day).append(",100,,\n");
        }
        ImportGate gate = a.getBean(ImportGate.class);
        CountDownLatch merging = gate.close();
        try {
            Browser onA = Browser.signedIn(portA, director);
            String boundary = "----two-instances";
            String body = part(boundary, "_csrf", null, onA.csrf("/imports/sales"))
                    + part(boundary, "file", "sales.csv", csv.toString()) + "--" + boundary + "--\r\n";
            HttpResponse<String> upload = onA.send(onA.request("/imports/sales")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            String page = upload.headers().firstValue("Location").orElseThrow();
            assertThat(merging.await(30, TimeUnit.SECONDS)).as("the import on A reached its merge").isTrue();

            Browser onB = Browser.signedIn(portB, director);
            assertThat(Jsoup.parse(onB.get(page).body()).getElementById("import-status").text())
                    .isEqualTo("Checking the file: 25 lines read so far…");
            gate.open();
            await(() -> !"RUNNING".equals(jdbc.queryForObject("SELECT status FROM data_import WHERE id = ?",
                    String.class, Long.parseLong(page.substring(page.lastIndexOf('/') + 1)))), "the import ends");
            assertThat(Jsoup.parse(onB.get(page).body()).getElementById("import-status").text())
                    .isEqualTo("All 25 lines imported.");
        } finally {
            gate.open();
            awaitNoRecompute();
            Imports.forget(jdbc, director.getUsername());
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer.getId());
        }
    }

    @Test
    void the_nightly_recompute_fired_on_both_instances_runs_once() throws Exception {
        // a night since the last: no night lock held
        jdbc.update("DELETE FROM shedlock WHERE name = ?", TierEngineConfig.NIGHTLY_LOCK);
        awaitNoRecompute();
        int before = nightlyRuns();

        CyclicBarrier midnight = new CyclicBarrier(2);
        ExecutorService schedulers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> fired = new ArrayList<>();
            for (ConfigurableApplicationContext instance : List.of(a, b)) {
                fired.add(schedulers.submit(() -> {
                    midnight.await(10, TimeUnit.SECONDS);
                    instance.getBean(TierEngineConfig.class).nightly();
                    return null;
                }));
            }
            for (Future<?> f : fired) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            schedulers.shutdownNow();
        }
        // a clock a little behind fires after that run is over
        b.getBean(TierEngineConfig.class).nightly();

        assertThat(nightlyRuns()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT status FROM recompute_run WHERE trigger_kind = 'NIGHTLY' "
                + "ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("DONE");
    }

    @Test
    void tier_rules_published_on_one_instance_show_on_the_others_dashboard_at_its_next_request() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        Browser directorOnB = Browser.signedIn(portB, fixtures.user(Role.SALES_DIRECTOR));
        Browser adminOnA = Browser.signedIn(portA, admin);
        LocalDate today = LocalDate.now(zone);
        assertThat(netCaption(directorOnB)).contains("from " + today.minusMonths(12).plusDays(1) + " to " + today);
        try {
            publishWindow(adminOnA, 6);
            assertThat(netCaption(directorOnB)).contains("from " + today.minusMonths(6).plusDays(1) + " to " + today);
        } finally {
            publishWindow(adminOnA, 12);
        }
        assertThat(netCaption(directorOnB)).contains("from " + today.minusMonths(12).plusDays(1));
    }

    @Test
    void a_user_disabled_on_one_instance_is_signed_out_on_the_other_at_the_next_request() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Browser managerOnA = Browser.signedIn(portA, manager);
        assertThat(managerOnA.get("/my-day").statusCode()).isEqualTo(200);

        Browser adminOnB = Browser.signedIn(portB, fixtures.user(Role.ADMIN));
        HttpResponse<String> disabled = adminOnB.send(form(adminOnB, "/admin/users/" + manager.getId() + "/disable",
                "_csrf=" + enc(adminOnB.csrf("/admin/users"))));
        assertThat(disabled.headers().firstValue("Location")).hasValue("/admin/users");

        assertThat(managerOnA.get("/my-day").headers().firstValue("Location")).hasValue("/login?ended");
        assertThat(managerOnA.at(portB).get("/my-day").headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(Browser.open(portA).signIn(manager.getUsername(), Fixtures.PASSWORD)).startsWith("/login?error");
    }

    /**
     * Four browser tabs of one user keep logging contacts on A; A is stopped in the middle. What A
     * answered as saved is saved; what it did not answer (refused, cut off) the tab sends again to
     * B with the same form (its submission token), as a balancer's retry or the user's second
     * click would, and B serves it on the same session cookie without a new sign-in. In the end
     * every contact is there exactly once.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void an_instance_stopped_under_load_loses_no_saved_write_and_its_users_go_on_on_the_other() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("停机"));
        Browser onA = Browser.signedIn(portA, manager);
        Browser onB = onA.at(portB);
        String csrf = onA.csrf("/customers/" + customer.getId() + "/logs/new");
        // the customer's first contact, before the load: it makes the follow-up schedule (a fixture's
        // customer has none yet, and two first contacts at once would race to create it)
        assertThat(logContact(onA, customer.getId(), csrf, UUID.randomUUID().toString(), "第一次联系")).isTrue();
        String prefix = Fixtures.unique("kill");
        int tabs = 4;
        int each = 10;
        Map<String, String> servedBy = new ConcurrentHashMap<>();
        CountDownLatch savedOnA = new CountDownLatch(6);
        ExecutorService browsers = Executors.newFixedThreadPool(tabs);
        List<Future<?>> running = new ArrayList<>();
        for (int tab = 0; tab < tabs; tab++) {
            int t = tab;
            running.add(browsers.submit(() -> {
                boolean aGone = false;
                for (int i = 0; i < each; i++) {
                    String token = UUID.randomUUID().toString();
                    String summary = prefix + "-" + t + "-" + i;
                    if (!aGone) {
                        try {
                            aGone = !logContact(onA, customer.getId(), csrf, token, summary);
                        } catch (IOException refusedOrCutOff) {
                            aGone = true;
                        }
                        if (!aGone) {
                            servedBy.put(summary, "A");
                            savedOnA.countDown();
                        }
                    }
                    if (aGone) {
                        assertThat(sendContact(onB, customer.getId(), csrf, token, summary)).as(summary)
                                .isEqualTo(saved(customer.getId()));
                        servedBy.put(summary, "B");
                    }
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                return null;
            }));
        }
        try {
            assertThat(savedOnA.await(30, TimeUnit.SECONDS)).as("A saved some contacts").isTrue();
            a.close();
            for (Future<?> tab : running) {
                tab.get(90, TimeUnit.SECONDS);
            }
        } finally {
            browsers.shutdownNow();
        }

        Map<String, Integer> saved = jdbc.query("""
                SELECT summary, COUNT(*) AS n FROM contact_log WHERE customer_id = ? AND summary LIKE ?
                GROUP BY summary""",
                rs -> {
                    Map<String, Integer> rows = new java.util.HashMap<>();
                    while (rs.next()) {
                        rows.put(rs.getString("summary"), rs.getInt("n"));
                    }
                    return rows;
                }, customer.getId(), prefix + "-%");
        assertThat(servedBy).hasSize(tabs * each);
        assertThat(saved).as("every contact once, none lost, none twice")
                .isEqualTo(servedBy.keySet().stream().collect(Collectors.toMap(s -> s, s -> 1)));
        assertThat(servedBy.values()).as("saved on A before it stopped, on B after").contains("A", "B");

        HttpResponse<String> page = onB.get("/customers/" + customer.getId());
        assertThat(page.statusCode()).as("the same session cookie, no new sign-in").isEqualTo(200);
        assertThat(Jsoup.parse(page.body()).title()).isEqualTo(customer.getName());
    }

    /** Saves a contact through the contact form; whether the server answered that it did. */
    private static boolean logContact(Browser browser, long customerId, String csrf, String token, String summary)
            throws IOException, InterruptedException {
        return saved(customerId).equals(sendContact(browser, customerId, csrf, token, summary));
    }

    /** The status and Location of the contact form's answer. */
    private static String sendContact(Browser browser, long customerId, String csrf, String token, String summary)
            throws IOException, InterruptedException {
        String body = "_csrf=" + enc(csrf) + "&submissionToken=" + token + "&channel=VISIT&occurredAt="
                + enc(LocalDateTime.now(zone).minusHours(1).format(MINUTE)) + "&summary=" + enc(summary);
        HttpResponse<String> response = browser.send(form(browser, "/customers/" + customerId + "/logs", body));
        return response.statusCode() + " " + response.headers().firstValue("Location").orElse("");
    }

    private static String saved(long customerId) {
        return "302 /customers/" + customerId + "#timeline";
    }

    private static HttpRequest form(Browser browser, String path, String body) {
        return browser.request(path).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String part(String boundary, String name, String fileName, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/csv") + "\r\n\r\n"
                + content + "\r\n";
    }

    private static String netCaption(Browser director) throws Exception {
        HttpResponse<String> page = director.get("/dashboard");
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).getElementById("net-caption").text();
    }

    /**
     * An admin's rule change through the rule editor: a draft of the rules in force with another
     * tier window, saved, previewed and published; then the recompute publishing starts is awaited.
     */
    private static void publishWindow(Browser admin, int months) throws Exception {
        awaitNoRecompute();
        HttpResponse<String> started = admin.send(form(admin, "/admin/rules/drafts",
                "_csrf=" + enc(admin.csrf("/admin/rules"))));
        Document draft = Jsoup.parse(admin.get(started.headers().firstValue("Location").orElseThrow()).body());
        HttpResponse<String> saved = submit(admin, (FormElement) draft.selectFirst("form.rule-editor"),
                Map.of("windowMonths", Integer.toString(months)));
        assertThat(saved.statusCode()).as("the draft saved").isEqualTo(302);
        Document preview = Jsoup.parse(admin.get(saved.headers().firstValue("Location").orElseThrow()).body());
        HttpResponse<String> published = submit(admin,
                (FormElement) preview.selectFirst("form[action$=publish]"), Map.of());
        assertThat(published.headers().firstValue("Location")).as("the rules published, in force now")
                .hasValue("/tiers");
        int version = jdbc.queryForObject("SELECT MAX(version) FROM tier_policy", Integer.class);
        await(() -> jdbc.queryForObject("SELECT COUNT(*) FROM recompute_run WHERE policy_version = ? "
                + "AND status = 'DONE'", Integer.class, version) > 0, "the recompute under version " + version);
        awaitNoRecompute();
    }

    /** Posts a page's form as a browser would, with some fields changed. */
    private static HttpResponse<String> submit(Browser browser, FormElement form, Map<String, String> changed)
            throws Exception {
        String body = form.formData().stream()
                .map(field -> enc(field.key()) + "=" + enc(changed.getOrDefault(field.key(), field.value())))
                .collect(Collectors.joining("&"));
        return browser.send(form(browser, form.attr("action"), body));
    }

    private static int nightlyRuns() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recompute_run WHERE trigger_kind = 'NIGHTLY'", Integer.class);
    }

    private static void awaitNoRecompute() throws InterruptedException {
        await(() -> !a.getBean(TierRecompute.class).isRunning() && !b.getBean(TierRecompute.class).isRunning(),
                "no recompute running");
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}

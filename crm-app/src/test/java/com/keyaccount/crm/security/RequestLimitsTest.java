package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Browser;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.RawHttp;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.WebApplicationContext;

/**
 * What one client may ask of the server, over real HTTP (the container's multipart handling and
 * its temporary files are what is at stake): who may send a large body, and that a refused one
 * is refused before it is read; how many expensive requests one user may run at once; how fast
 * one session may send. The session rate here is a burst of 30 with almost no refill, so the
 * test does not depend on how fast the machine is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crm.limits.requests-per-second=0.001", "crm.limits.request-burst=30",
                "spring.datasource.hikari.maximum-pool-size=5"})
@ActiveProfiles("test")
@Import({Fixtures.class, RequestLimitsTest.Holding.class})
@DirtiesContext // a context of its own: closed after, so its connections do not add to the suite's
class RequestLimitsTest {

    private static final long HUGE = 300L * 1024 * 1024;
    private static final String BOUNDARY = "----crm-limits-test";

    @LocalServerPort
    private int port;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final HeldRequests held;
    private final File tempDir;
    private Customer imported;

    RequestLimitsTest(Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, HeldRequests held,
            WebApplicationContext web) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.held = held;
        this.tempDir = (File) web.getServletContext().getAttribute(ServletContext.TEMPDIR);
    }

    /** Other tests count on being the only ones with revenue in the shared database. */
    @AfterEach
    void removeImportedOrders() throws Exception {
        held.release();
        if (imported != null) {
            Recomputes.awaitIdle(recompute);
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", imported.getId());
        }
    }

    @Test
    void an_anonymous_upload_is_refused_before_its_body_is_sent_and_nothing_is_stored() throws Exception {
        for (String path : List.of("/imports/sales", "/customers")) {
            try (RawHttp http = RawHttp.open(port)) {
                // 300 MB announced, 16 KB sent: the answer has to come without the rest
                RawHttp.Answer answer = http.send(multipartHead(path, HUGE, null)).send(partStart()).answer();

                assertThat(answer.status()).as(path).isIn(401, 413);
                assertThat(answer.body()).as(path).contains("Nothing you sent was");
                assertThat(answer.header("Content-Security-Policy")).as(path).contains("default-src 'self'");
                assertThat(storedUploads()).as("the container's multipart files while " + path + " is open").isEmpty();
            }
        }
    }

    @Test
    void a_large_upload_from_an_account_manager_or_to_any_other_route_is_refused_before_its_body_is_sent()
            throws Exception {
        Browser manager = Browser.signedIn(port, fixtures.user(Role.ACCOUNT_MANAGER));
        try (RawHttp http = RawHttp.open(port)) {
            RawHttp.Answer answer = http.send(multipartHead("/imports/sales", HUGE, manager.sessionCookie()))
                    .send(partStart()).answer();
            assertThat(answer.status()).isEqualTo(403);
            assertThat(storedUploads()).isEmpty();
        }
        Browser director = Browser.signedIn(port, fixtures.user(Role.SALES_DIRECTOR));
        try (RawHttp http = RawHttp.open(port)) {
            RawHttp.Answer answer = http.send(multipartHead("/customers", 5L * 1024 * 1024, director.sessionCookie()))
                    .send(partStart()).answer();
            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.body()).contains("at most 2 MB");
            assertThat(storedUploads()).isEmpty();
        }
    }

    @Test
    void a_directors_sales_file_larger_than_any_form_still_imports() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        imported = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("大文件"));
        StringBuilder csv = new StringBuilder("customer_code,order_no,order_date,amount,due_date,paid_date,remark\n");
        String remark = "x".repeat(200);
        int lines = 12_000;
        for (int i = 0; i < lines; i++) {
            csv.append(imported.getCode()).append(",BIG-").append(i).append(",2026-03-05,100,,,").append(remark)
                    .append('\n');
        }
        assertThat(csv.length()).isGreaterThan(2 * 1024 * 1024);
        Browser browser = Browser.signedIn(port, director);
        String csrf = browser.csrf("/imports/sales");
        byte[] body = (part("_csrf", null, csrf) + part("file", "sales.csv", csv.toString()) + "--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> upload = browser.send(browser.request("/imports/sales")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

        assertThat(upload.statusCode()).isEqualTo(302);
        String location = upload.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ("RUNNING".equals(jdbc.queryForObject("SELECT status FROM data_import WHERE id = ?", String.class, id))
                && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(jdbc.queryForObject("SELECT status FROM data_import WHERE id = ?", String.class, id))
                .isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE customer_id = ?", Integer.class,
                imported.getId())).isEqualTo(lines);
    }

    @Test
    void a_third_export_at_once_is_refused_to_that_user_only_and_allowed_again_when_the_others_finish()
            throws Exception {
        Browser busy = Browser.signedIn(port, fixtures.user(Role.ACCOUNT_MANAGER));
        Browser other = Browser.signedIn(port, fixtures.user(Role.ACCOUNT_MANAGER));
        CountDownLatch running = held.hold(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> first = pool.submit(() -> busy.send(busy.request("/exports/customers.csv")
                    .header(HeldRequests.HEADER, "yes").build()));
            Future<HttpResponse<String>> second = pool.submit(() -> busy.send(busy.request("/exports/contacts.xlsx")
                    .header(HeldRequests.HEADER, "yes").build()));
            assertThat(running.await(30, TimeUnit.SECONDS)).as("two exports running").isTrue();

            HttpResponse<String> third = busy.get("/customers/tiers.csv");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).contains("You already have 2 downloads, previews, recomputes or uploads running");
            assertThat(third.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(busy.get("/customers").statusCode()).as("a cheap page meanwhile").isEqualTo(200);
            assertThat(other.get("/exports/customers.csv").statusCode()).as("another user's export").isEqualTo(200);

            held.release();
            assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(second.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(busy.get("/customers/tiers.csv").statusCode()).isEqualTo(200);
        } finally {
            held.release();
            pool.shutdownNow();
        }
    }

    @Test
    void a_session_that_bursts_past_its_allowance_gets_429_while_browsing_and_other_sessions_go_on() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Browser browser = Browser.signedIn(port, manager);
        for (int page = 0; page < 20; page++) {
            assertThat(browser.get("/customers").statusCode()).as("page " + page).isEqualTo(200);
            for (String asset : List.of("/css/app.css", "/js/app.js", "/favicon.svg")) {
                assertThat(browser.get(asset).statusCode()).as(asset).isEqualTo(200);
            }
        }

        int refused = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 20; i++) {
            last = browser.get("/customers");
            refused += last.statusCode() == 429 ? 1 : 0;
        }

        assertThat(refused).as("the 10 requests past a burst of 30").isEqualTo(10);
        assertThat(last.body()).contains("This session sent too many requests");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(Browser.signedIn(port, manager).get("/customers").statusCode()).as("the same user's new session")
                .isEqualTo(200);
    }

    private byte[] multipartHead(String path, long length, String cookie) {
        return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n" + "Accept-Language: en\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The start of a file part: enough for the container to begin a temporary file, were it reading. */
    private static byte[] partStart() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + "customer_code,order_no\n".repeat(700))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String part(String name, String fileName, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: text/csv") + "\r\n\r\n"
                + content + "\r\n";
    }

    /** Tomcat's multipart files (upload_*.tmp) under the context's temporary directory. */
    private List<Path> storedUploads() throws IOException {
        try (Stream<Path> files = Files.walk(tempDir.toPath())) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload_")).toList();
        }
    }

    /** Requests marked with {@link #HEADER} wait inside the server, past the limits, until released. */
    static final class HeldRequests {

        static final String HEADER = "X-Test-Hold";

        private final AtomicReference<CountDownLatch[]> gate = new AtomicReference<>();

        /** The next {@code requests} marked requests wait; the latch opens when all of them are waiting. */
        CountDownLatch hold(int requests) {
            CountDownLatch[] latches = {new CountDownLatch(requests), new CountDownLatch(1)};
            gate.set(latches);
            return latches[0];
        }

        void release() {
            CountDownLatch[] latches = gate.getAndSet(null);
            if (latches != null) {
                latches[1].countDown();
            }
        }

        void pass(String marker) throws InterruptedException {
            CountDownLatch[] latches = gate.get();
            if (marker != null && latches != null) {
                latches[0].countDown();
                latches[1].await(60, TimeUnit.SECONDS);
            }
        }
    }

    @TestConfiguration
    static class Holding {

        @Bean
        HeldRequests heldRequests() {
            return new HeldRequests();
        }

        /** After the limits (order -10,000) and before security: a held request has already been counted. */
        @Bean
        FilterRegistrationBean<Filter> holdingFilter(HeldRequests held) {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                try {
                    held.pass(((jakarta.servlet.http.HttpServletRequest) request).getHeader(HeldRequests.HEADER));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                chain.doFilter(request, response);
            });
            registration.setOrder(-9_000);
            return registration;
        }
    }
}

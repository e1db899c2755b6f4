package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.RawHttp;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a browser receives over real HTTP (the servlet container sets the cookie attributes, so
 * MockMvc cannot show them): the security headers on a page with customer data, and a session
 * cookie that scripts cannot read and other sites cannot send. Same context as the browser
 * journeys, so no extra application start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class HeadersAndCookiesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    HeadersAndCookiesTest(Fixtures fixtures, JdbcTemplate jdbc) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_page_with_customer_data_carries_the_security_headers_and_is_not_cached() throws Exception {
        HttpClient client = signedIn(fixtures.user(Role.ACCOUNT_MANAGER));
        HttpResponse<String> page = client.send(get("/customers"), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(page.body()).doesNotContain("<script>", "onclick=", "onload=", "style=\"");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = client.send(get("/login"), HttpResponse.BodyHandlers.ofString());

        String cookie = sessionCookie(login.headers().allValues("Set-Cookie"));
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax")
                .as("plain HTTP: a Secure cookie would never come back").doesNotContain("Secure");
    }

    /** Failures answered by the container or the framework, not by our handlers, give nothing away either. */
    @Test
    void error_pages_name_no_server_class_or_stack() throws Exception {
        HttpClient client = signedIn(fixtures.user(Role.ACCOUNT_MANAGER));
        String malformed = raw("GET /customers/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(malformed).startsWith("HTTP/1.1 400")
                .doesNotContain("Exception", "org.apache", "java.", "Tomcat", "Apache");
        List<HttpResponse<String>> answers = List.of(
                client.send(get("/customers/not-a-number"), HttpResponse.BodyHandlers.ofString()),
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/my-day"))
                        .method("PUT", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()),
                client.send(get("/no/such/page"), HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isBetween(400, 499);
            assertThat(answer.body()).as(answer.uri().toString())
                    .doesNotContain("Exception", "org.springframework", "org.apache", "java.", "Tomcat", "at com.",
                            "SQL", "Whitelabel");
        }
    }

    /**
     * Tomcat refuses a malformed URL or request line before any filter runs, with its own page, and
     * Spring Security's firewall refuses an encoded "..": the same headers as our pages, once each.
     */
    @Test
    void the_containers_own_error_pages_carry_the_security_headers() throws Exception {
        for (String target : List.of("/customers/%zz", "/customers/a{b}", "/customers/%2e%2e/admin", "/customers")) {
            RawHttp.Answer answer = RawHttp.exchange(port,
                    "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).as(target).isIn(302, 400);
            assertThat(answer.headers().get("content-security-policy")).as(target)
                    .containsExactly(SecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(answer.headers().get("x-content-type-options")).as(target).containsExactly("nosniff");
            assertThat(answer.headers().get("x-frame-options")).as(target).containsExactly("DENY");
            assertThat(answer.headers().get("referrer-policy")).as(target).containsExactly("same-origin");
        }
    }

    /**
     * The Host header is the client's to choose: a redirect built from it would send a browser
     * (or a cache in between) to another site. Both the way to the sign-in page and the way back
     * to the page first asked for stay on whatever host the browser is on.
     */
    @Test
    void redirects_never_name_the_host_the_request_gave() throws Exception {
        String host = "Host: evil.example\r\nAccept-Language: en\r\nConnection: close\r\n";
        RawHttp.Answer toLogin = RawHttp.exchange(port, "GET /customers HTTP/1.1\r\n" + host + "\r\n");
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).startsWith("/login").doesNotContain("evil.example");

        String cookie = "Cookie: " + sessionCookie(toLogin.headers().get("set-cookie")).split(";")[0] + "\r\n";
        Matcher csrf = CSRF.matcher(RawHttp.exchange(port, "GET /login HTTP/1.1\r\n" + host + cookie + "\r\n").body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(fixtures.user(Role.ACCOUNT_MANAGER).getUsername(),
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        RawHttp.Answer back = RawHttp.exchange(port, "POST /login HTTP/1.1\r\n" + host + cookie
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + form);

        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).as("back to the page first asked for").startsWith("/customers")
                .doesNotContain("evil.example");
    }

    /** A request no HTTP client library would send: the container answers it before the application. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void without_a_trusted_proxy_a_forged_x_forwarded_for_does_not_change_the_address_the_throttle_counts()
            throws Exception {
        String username = Fixtures.unique("nobody");
        // CRM_FORWARD_HEADERS=none: anyone could send this header, so it must not pick the address
        assertThat(HttpSignIn.attempt(port, username, "guess", "203.0.113.8")).contains("/login?error");

        assertThat(jdbc.queryForList("SELECT address FROM sign_in_failure WHERE username = ?", String.class,
                username)).containsExactly("127.0.0.1");
    }

    static String sessionCookie(List<String> setCookies) {
        return setCookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + setCookies));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    }

    private HttpClient signedIn(AppUser user) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = CSRF.matcher(client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(user.getUsername(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Fixtures.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }
}

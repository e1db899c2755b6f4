package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Deployed behind a proxy that ends TLS ({@code CRM_FORWARD_HEADERS=native}): a request the
 * proxy marks as HTTPS gets a Secure session cookie, so the cookie never travels in clear text,
 * and the sign-in throttle counts the client's address the proxy forwarded, not the proxy's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles("test")
class BehindTlsProxyTest {

    @LocalServerPort
    private int port;
    private final JdbcTemplate jdbc;

    BehindTlsProxyTest(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void a_request_the_proxy_received_over_https_gets_a_secure_session_cookie() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(HeadersAndCookiesTest.sessionCookie(login.headers().allValues("Set-Cookie")))
                .contains("Secure", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void a_failed_sign_in_counts_against_the_client_address_the_trusted_proxy_forwarded() throws Exception {
        String username = Fixtures.unique("nobody");
        // the proxy (here on 127.0.0.1, a private address) appends the client's address
        assertThat(HttpSignIn.attempt(port, username, "guess", "203.0.113.7")).contains("/login?error");

        assertThat(jdbc.queryForList("SELECT address FROM sign_in_failure WHERE username = ?", String.class,
                username)).containsExactly("203.0.113.7");
    }
}

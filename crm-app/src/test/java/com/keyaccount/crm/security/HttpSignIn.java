package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's sign-in over real HTTP, through the servlet container: the login page for its CSRF token, then the form. */
final class HttpSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private HttpSignIn() {
    }

    /** Where the sign-in was sent next (the Location header). */
    static String attempt(int port, String username, String password) throws Exception {
        return attempt(port, username, password, null);
    }

    /** As {@link #attempt(int, String, String)}, the form carrying {@code forwardedFor} as a proxy would set it. */
    static String attempt(int port, String username, String password, String forwardedFor) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        Matcher csrf = CSRF.matcher(browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (forwardedFor != null) {
            post.header("X-Forwarded-For", forwardedFor);
        }
        return browser.send(post.build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location")
                .orElse("");
    }
}

package com.keyaccount.crm.support;

import com.keyaccount.crm.user.AppUser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session over real HTTP: signed in through the login form, cookies kept, redirects not followed. */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies;
    private final HttpClient client;

    private Browser(int port, CookieManager cookies, HttpClient client) {
        this.port = port;
        this.cookies = cookies;
        this.client = client;
    }

    /** A browser that has not signed in. */
    public static Browser open(int port) {
        CookieManager cookies = new CookieManager();
        return new Browser(port, cookies, HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public static Browser signedIn(int port, AppUser user) throws IOException, InterruptedException {
        Browser browser = open(port);
        String next = browser.signIn(user.getUsername(), Fixtures.PASSWORD);
        if (next.contains("error") || next.contains("/login")) {
            throw new AssertionError("sign-in of " + user.getUsername() + " refused: " + next);
        }
        return browser;
    }

    /**
     * The same browser, its cookies included, sent to the server on {@code otherPort}: as a load
     * balancer sends a browser's next request to another instance.
     */
    public Browser at(int otherPort) {
        return new Browser(otherPort, cookies, client);
    }

    /** A sign-in through the login form; where it sends the browser next (the Location header). */
    public String signIn(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf("/login"), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return response.headers().firstValue("Location").orElse("error");
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", "en");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's form. */
    public String csrf(String path) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(get(path).body());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on " + path);
        }
        return csrf.group(1);
    }

    /** The session cookie, for a request sent by hand ({@link RawHttp}). */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> "JSESSIONID".equals(c.getName()))
                .map(HttpCookie::toString).findFirst().orElseThrow();
    }
}

package com.keyaccount.crm.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers Spring Security writes on the application's pages, for the answers that
 * never reach it: the limits' refusals (given before its filters) and the container's own error
 * pages (a malformed URL is refused before any filter runs).
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    /** Sets each header the response does not have yet. */
    static void write(HttpServletResponse response) {
        set(response, "Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY);
        set(response, "X-Content-Type-Options", "nosniff");
        set(response, "X-Frame-Options", "DENY");
        set(response, "Referrer-Policy", "same-origin");
    }

    private static void set(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}

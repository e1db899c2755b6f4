package com.keyaccount.crm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every redirect is relative (Location: /login), never built from the Host header, which the
 * client chooses: Spring Security rebuilds the page asked for before signing in as an absolute URL
 * with the host of that request. The container keeps relative redirects relative
 * ({@code server.tomcat.use-relative-redirects}); this turns an absolute one into its path, query
 * and fragment. The application redirects only to itself, so no absolute redirect is meant for
 * another site.
 */
class RelativeRedirectFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Relative(request, response));
    }

    /** The location to send: an absolute URL's path, query and fragment; anything else as it is. */
    static String relative(String location) {
        if (location == null || !(location.regionMatches(true, 0, "http://", 0, 7)
                || location.regionMatches(true, 0, "https://", 0, 8))) {
            return location;
        }
        try {
            URI uri = new URI(location);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            return location;
        }
    }

    private static final class Relative extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        Relative(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private String own(String location) {
            // the one redirect meant for another host: a presigned link to the object store
            return ExternalRedirects.allowed(request) ? location : relative(location);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(own(location));
        }

        @Override
        public void sendRedirect(String location, boolean clearBuffer) throws IOException {
            super.sendRedirect(own(location), clearBuffer);
        }

        @Override
        public void sendRedirect(String location, int sc) throws IOException {
            super.sendRedirect(own(location), sc);
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(own(location), sc, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? own(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? own(value) : value);
        }
    }
}

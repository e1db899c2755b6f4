package com.keyaccount.crm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user signed in with a temporary password (new, or reset by an administrator) sees only
 * the password form until they have chosen their own; signing out and the page assets still work.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

    static final String FORM = "/account/password";
    private static final List<String> ALWAYS_OPEN = List.of(FORM, "/logout", "/login", "/error", "/favicon.ico",
            "/favicon.svg", "/sw.js", "/manifest.webmanifest", "/offline");
    private static final List<String> OPEN_PREFIXES = List.of("/css/", "/js/", "/icons/");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CrmUser user
                && user.passwordChangeRequired() && !open(request)) {
            response.sendRedirect(request.getContextPath() + FORM);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ALWAYS_OPEN.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith);
    }
}

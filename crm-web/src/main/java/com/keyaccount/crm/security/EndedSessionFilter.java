package com.keyaccount.crm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out a session that {@link UserSessions} ended (a disable, a reset, a new role, a new
 * password chosen elsewhere), on whichever instance its next request lands, and sends the browser
 * to the login page that says why. It reads the mark on the session the request loaded anyway.
 */
class EndedSessionFilter extends OncePerRequestFilter {

    private final SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && UserSessions.isEnded(session)) {
            signOut.logout(request, response, SecurityContextHolder.getContext().getAuthentication());
            response.sendRedirect(request.getContextPath() + "/login?ended");
            return;
        }
        chain.doFilter(request, response);
    }
}

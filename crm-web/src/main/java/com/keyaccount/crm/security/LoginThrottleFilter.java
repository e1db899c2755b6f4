package com.keyaccount.crm.security;

import com.keyaccount.crm.user.application.SignInAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away a sign-in attempt that must still wait, before the password is even checked, and
 * says for how long ("try again in N seconds"). The address is the container's remote address:
 * the proxy's X-Forwarded-For only when Boot's forward-headers strategy trusts the proxy.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final SignInAccounts signIns;

    LoginThrottleFilter(SignInAccounts signIns) {
        this.signIns = signIns;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
            long seconds = seconds(signIns.waitBefore(request.getParameter("username"), request.getRemoteAddr()));
            if (seconds > 0) {
                response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Whole seconds, rounded up: "try again in 0 seconds" would be refused again. */
    static long seconds(Duration wait) {
        return wait.isNegative() || wait.isZero() ? 0 : (wait.toMillis() + 999) / 1000;
    }
}

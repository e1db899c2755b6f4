package com.keyaccount.crm.security;

import com.keyaccount.crm.api.web.ApiErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First in the API's filter chain: a failure in a filter after it (the token check when the
 * database is away) answers a problem like any controller's error, not the container's HTML
 * page. Errors in controllers never get here: {@link ApiErrors} answers them.
 */
class ApiFailureFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            ApiErrors.answer(request, response, e);
        }
    }
}

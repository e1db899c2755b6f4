package com.keyaccount.crm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions are kept in the database, and stored as the response is about to go out: with the
 * database down, that store fails after the page (usually the 503 page) was rendered, and the
 * failure would reach the container as a bare server error. The reader gets the plain "service
 * unavailable" page instead, and the next request tries the database again.
 */
final class SessionStoreDownFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreDownFilter.class);

    private final LimitPages pages;

    SessionStoreDownFilter(LimitPages pages) {
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (!databaseDown(e)) {
                throw e;
            }
            log.warn("The session could not be stored, the database is unreachable: {}", e.getMessage());
            if (!response.isCommitted()) {
                response.reset();
                pages.unavailable(request, response);
            }
        }
    }

    private static boolean databaseDown(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}

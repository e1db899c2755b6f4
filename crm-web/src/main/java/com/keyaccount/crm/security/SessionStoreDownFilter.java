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
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions are kept in the database, loaded before Spring Security decides who is asking and
 * stored as the response is about to go out: with the database down, either fails outside the
 * pages' own 503 (web.ErrorPagesAdvice), and the failure would reach the container as a bare
 * server error. The reader gets the plain "service unavailable" page instead, and the next
 * request tries the database again (a signed-in browser is still signed in once it is back).
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
        } catch (RuntimeException | ServletException e) {
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

    /** As the pages' own 503: no connection, or one the database dropped. */
    private static boolean databaseDown(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // a rollback or commit that fails can only mean the connection is gone; its SQL state is lost
            if ((cause instanceof JpaSystemException || cause instanceof TransactionSystemException)
                    && cause.getMessage() != null && (cause.getMessage().startsWith("Unable to rollback")
                    || cause.getMessage().startsWith("Unable to commit"))) {
                return true;
            }
        }
        return false;
    }
}

package com.keyaccount.crm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The plain "service unavailable" page when the database cannot be reached outside the
 * application's pages: the sessions live in the database, so loading one before Spring Security
 * decides who is asking, or saving it after the page was made, fails while it is down, outside
 * the reach of the pages' own 503 (web.ErrorPagesAdvice). Runs first, around the session store.
 */
class DatabaseDownFilter extends OncePerRequestFilter {

    private final LimitPages pages;

    DatabaseDownFilter(LimitPages pages) {
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!databaseDown(e) || response.isCommitted()) {
                throw e;
            }
            logger.warn("Database unreachable around " + request.getRequestURI() + ": " + e.getMessage());
            response.reset();
            pages.unavailable(request, response);
        }
    }

    /** As the pages' own 503 (web.ErrorPagesAdvice): no connection, or one the database dropped. */
    private static boolean databaseDown(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            // a rollback or commit that fails can only mean the connection is gone; its SQL state is lost
            if ((cause instanceof JpaSystemException || cause instanceof TransactionSystemException)
                    && cause.getMessage() != null && (cause.getMessage().startsWith("Unable to rollback")
                    || cause.getMessage().startsWith("Unable to commit"))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}

package com.keyaccount.crm.web;

import com.keyaccount.crm.customer.ContactNotFoundException;
import com.keyaccount.crm.customer.CustomerNotFoundException;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.user.NotPermittedException;
import java.sql.SQLException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Missing, deleted and other managers' records all answer the same 404 page, so a URL cannot
 * tell them apart; a change the role does not allow answers 403.
 */
@ControllerAdvice
class ErrorPagesAdvice {

    @ExceptionHandler({CustomerNotFoundException.class, ContactNotFoundException.class, PageNotFoundException.class,
            RecordNotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    /**
     * The database cannot be reached (down, restarting, pool exhausted): a clear 503 page at
     * once, and the next request tries again, so the app recovers by itself when it is back.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable() {
        return "error/503";
    }

    /**
     * A connection the database dropped mid-request (restart, failover, an administrator
     * terminating it): the transaction is gone, so this request says "unavailable" and the pool
     * hands the next one a fresh connection. Other JDBC failures stay server errors.
     */
    @ExceptionHandler({JpaSystemException.class, TransactionSystemException.class})
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String droppedConnection(RuntimeException e) {
        // a rollback or commit that fails can only mean the connection is gone; its SQL state is lost
        if (e.getMessage() != null && (e.getMessage().startsWith("Unable to rollback")
                || e.getMessage().startsWith("Unable to commit"))) {
            return "error/503";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return "error/503";
            }
        }
        throw e;
    }

    /**
     * A request no form of ours sends: an index past a form's rows ({@code criteria[5000].name}),
     * which Spring's binder cannot place. Answered 400 with a plain page, nothing saved.
     */
    @ExceptionHandler(InvalidPropertyException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalidProperty() {
        return "error/invalid-input";
    }

    /**
     * The last line of defence for text the database refuses (PostgreSQL: a NUL, SQL state
     * 22021). Forms and imports reject control characters beside the field first; should a path
     * miss it, the user gets a 400 saying what is wrong, not a server error. Other integrity
     * failures stay the caller's business.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refusedText(DataIntegrityViolationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return "error/invalid-input";
            }
        }
        throw e;
    }

    @ExceptionHandler(NotPermittedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notPermitted() {
        return "error/403";
    }
}

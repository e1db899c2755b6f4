package com.keyaccount.crm.api.web;

import com.keyaccount.crm.customer.ContactNotFoundException;
import com.keyaccount.crm.customer.CustomerNotFoundException;
import com.keyaccount.crm.shared.RecordNotFoundException;
import com.keyaccount.crm.user.NotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Whatever goes wrong in a request to {@code /api/**} answers a problem (RFC 9457), never the
 * HTML error page a browser gets: refused input 400 with its fields, unknown routes 404, a wrong
 * method 405 (with {@code Allow}), a body that is not JSON 415, a change made at the same time
 * 409, the database away 503 (with {@code Retry-After}), anything else 500 (logged). Ahead of
 * Spring's own resolvers; other paths are left to them and to the error pages.
 */
@Component
public class ApiErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    static final String CONFLICT = "Another change to the same records was made at the same time; nothing was "
            + "written. Send the request again.";
    static final String UNAVAILABLE = "The database cannot be reached; nothing was written. Try again shortly.";
    static final String FAILED = "The server failed on this request. Sending it again is safe: pushed orders and "
            + "complaints with the same requestId are recorded once.";

    @Override
    public int getOrder() {
        // after Boot's DefaultErrorAttributes, which only notes the exception
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        return uri.startsWith("/api/");
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!isApi(request) || response.isCommitted()) {
            return null;
        }
        try {
            answer(request, response, e);
        } catch (IOException written) {
            throw new UncheckedIOException(written);
        }
        return new ModelAndView();
    }

    /** Answers {@code e} as a problem: for the resolver, and for the API's filters, which run before it. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem = problem(e, headers);
        if (problem.getStatus() >= 500) {
            log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        }
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        ApiProblems.write(request, response, problem);
    }

    private static ProblemDetail problem(Exception e, HttpHeaders headers) {
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such route in the API.");
        }
        if (e instanceof ErrorResponse known) {
            headers.putAll(known.getHeaders());
            return known.getBody();
        }
        if (e instanceof HttpMessageNotReadableException) {
            return body(ApiProblems.invalid("MALFORMED_JSON", "The body is not the JSON this endpoint expects."));
        }
        if (e instanceof TypeMismatchException mismatch) {
            return body(ApiProblems.invalid(java.util.List.of(new ApiError(null, mismatch.getPropertyName(),
                    String.valueOf(mismatch.getValue()), "INVALID", "Not a valid value."))));
        }
        if (e instanceof CustomerNotFoundException || e instanceof ContactNotFoundException
                || e instanceof RecordNotFoundException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such record.");
        }
        if (e instanceof NotPermittedException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "This token may not do this.");
        }
        if (e instanceof DataIntegrityViolationException && sqlState(e, "22021")) {
            return body(ApiProblems.invalid("CONTROL_CHARACTER", "Control characters are not allowed."));
        }
        if (e instanceof ConcurrencyFailureException || e instanceof DataIntegrityViolationException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, CONFLICT);
        }
        if (e instanceof CannotGetJdbcConnectionException || e instanceof CannotCreateTransactionException
                || e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException) {
            headers.set(HttpHeaders.RETRY_AFTER, "10");
            return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, FAILED);
    }

    private static ProblemDetail body(ErrorResponse response) {
        return response.getBody();
    }

    private static boolean sqlState(Throwable e, String state) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

package com.keyaccount.crm.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ERP API's errors, RFC 9457 problem details: raised by the controllers as
 * {@link ErrorResponseException}s carrying a {@link ProblemDetail}, and written as {@link Problem}
 * by {@link ApiErrors} and by the filters that answer before any controller (token, body size,
 * rate limit). One writer, so a 401 from the filters reads like a 400 from a controller.
 */
public final class ApiProblems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    static final String ERRORS = "errors";

    private ApiProblems() {
    }

    /** A request refused, nothing written: every problem by field. */
    public static ErrorResponseException invalid(List<ApiError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 problem; nothing was written." : errors.size() + " problems; nothing was written.");
        problem.setProperty(ERRORS, List.copyOf(errors));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** A request refused for one problem of the whole request (no field). */
    static ErrorResponseException invalid(String reason, String message) {
        return invalid(List.of(new ApiError(null, null, null, reason, message)));
    }

    public static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                detail), null);
    }

    /** Writes a problem straight to the response: for filters, which answer before any controller. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
            String detail) throws IOException {
        write(request, response, ProblemDetail.forStatusAndDetail(status, detail));
    }

    static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        byte[] body = JsonMapper.shared().writeValueAsBytes(of(request, problem));
        response.setStatus(problem.getStatus());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(PROBLEM_JSON.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    @SuppressWarnings("unchecked")
    static Problem of(HttpServletRequest request, ProblemDetail problem) {
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        String title = problem.getTitle() != null ? problem.getTitle()
                : status != null ? status.getReasonPhrase() : "Error";
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get(ERRORS);
        // RFC 9457: no type means about:blank; said outright, so a client need not know the default
        String type = problem.getType() == null ? "about:blank" : problem.getType().toString();
        return new Problem(type, title, problem.getStatus(), problem.getDetail(),
                request.getRequestURI(), errors instanceof List<?> list ? (List<ApiError>) list : null);
    }
}

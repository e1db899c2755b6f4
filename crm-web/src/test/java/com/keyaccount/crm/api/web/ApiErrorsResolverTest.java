package com.keyaccount.crm.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The failures a test cannot easily bring about on a running server (a unique key taken by a
 * request at the same moment, the database gone, a bug), answered as the integrator reads them;
 * and a page's failure left to the HTML error pages.
 */
class ApiErrorsResolverTest {

    private final ApiErrors errors = new ApiErrors();

    @Test
    void the_same_order_written_by_two_requests_at_once_is_409_and_says_to_send_again() throws Exception {
        JsonNode problem = answer("/api/v1/orders", new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")), 409);
        assertThat(problem.path("detail").asString()).contains("nothing was written", "Send the request again");
        answer("/api/v1/orders", new CannotAcquireLockException("deadlock detected"), 409);
    }

    @Test
    void a_nul_the_database_refuses_is_a_400_naming_it() throws Exception {
        JsonNode problem = answer("/api/v1/complaints", new DataIntegrityViolationException("invalid byte sequence",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")), 400);
        assertThat(problem.path("errors").get(0).path("reason").asString()).isEqualTo("CONTROL_CHARACTER");
    }

    @Test
    void the_database_away_is_503_with_retry_after() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        resolve("/api/v1/customers/tiers", new CannotGetJdbcConnectionException("no connection"), response);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
    }

    @Test
    void a_bug_is_500_without_its_message_or_stack() throws Exception {
        JsonNode problem = answer("/api/v1/orders", new IllegalStateException("secret internals at line 42"), 500);
        assertThat(problem.toString()).doesNotContain("secret internals", "IllegalStateException");
        assertThat(problem.path("detail").asString()).contains("Sending it again is safe");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/orders");
    }

    @Test
    void a_page_request_is_left_to_the_error_pages() {
        ModelAndView answer = errors.resolveException(new MockHttpServletRequest("GET", "/customers/1"),
                new MockHttpServletResponse(), null, new IllegalStateException("boom"));
        assertThat(answer).isNull();
    }

    private JsonNode answer(String path, Exception e, int status) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        resolve(path, e, response);
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.getContentAsString());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
        return problem;
    }

    private void resolve(String path, Exception e, MockHttpServletResponse response) {
        assertThat(errors.resolveException(new MockHttpServletRequest("POST", path), response, null, e)).isNotNull();
    }
}

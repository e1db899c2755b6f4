package com.keyaccount.crm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every way an integrator can get the ERP API wrong answers a problem (RFC 9457) that says so:
 * the status, {@code application/problem+json}, a sentence in {@code detail}, and the headers the
 * status calls for — never the HTML error page a browser gets.
 */
@FullStackTest
class ApiErrorsTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser admin;
    private String token;

    ApiErrorsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void issueToken() throws Exception {
        admin = fixtures.user(Role.ADMIN);
        token = (String) mvc.perform(post("/admin/api-tokens").param("name", "problem-test")
                        .with(user(Fixtures.principal(admin))).with(csrf()))
                .andReturn().getFlashMap().get("issuedToken");
    }

    @AfterEach
    void revokeToken() {
        jdbc.update("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE name = 'problem-test'");
    }

    @Test
    void an_unknown_route_is_404_and_a_wrong_method_405_naming_the_allowed_one() throws Exception {
        problem(api(get("/api/v1/no-such-route")), 404).andExpect(jsonPath("$.detail")
                .value("There is no such route in the API."));
        problem(api(get("/api/v1/orders")), 405).andExpect(header().string(HttpHeaders.ALLOW, "POST"));
    }

    @Test
    void a_body_that_is_not_json_is_415_and_json_of_the_wrong_shape_400() throws Exception {
        problem(api(post("/api/v1/orders").contentType(MediaType.TEXT_PLAIN).content("orders")), 415);
        problem(api(post("/api/v1/complaints").contentType(MediaType.APPLICATION_JSON).content("[1, 2]")), 400)
                .andExpect(jsonPath("$.errors[0].reason").value("MALFORMED_JSON"));
        problem(api(get("/api/v1/customers/tiers").param("page", "first")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].reason").value("INVALID"));
    }

    @Test
    void a_body_over_the_api_limit_is_413_before_it_is_read() throws Exception {
        byte[] nineMegabytes = new byte[9 * 1024 * 1024];
        problem(api(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(nineMegabytes)), 413)
                .andExpect(jsonPath("$.detail").value("The body is larger than 8 MB; nothing was read."));
    }

    @Test
    void a_signed_in_person_rather_than_a_token_is_403_and_a_missing_token_401() throws Exception {
        problem(mvc.perform(get("/api/v1/customers/tiers").with(user(Fixtures.principal(admin)))), 403)
                .andExpect(jsonPath("$.detail").value("Only an API token may use the API."));
        problem(mvc.perform(get("/api/v1/customers/tiers")), 401)
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Test
    void the_pages_keep_their_html_error_pages() throws Exception {
        String page = mvc.perform(get("/customers/987654321").with(user(Fixtures.principal(admin))))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<html").doesNotContain("about:blank");
    }

    private ResultActions api(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }
}

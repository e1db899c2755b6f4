package com.keyaccount.crm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The settings an operator turns on the API: a token's rate (here a burst of 3 and almost no
 * refill, so the test does not depend on the machine's speed), and the generated contract
 * switched off as in production (CRM_API_DOCS=false), the committed one still served.
 */
@SpringBootTest(properties = {"crm.limits.api-requests-per-second=0.001", "crm.limits.api-request-burst=3",
        "springdoc.api-docs.enabled=false", "springdoc.swagger-ui.enabled=false"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext // a context of its own: closed after, so its connections do not add to the suite's
class ApiRateLimitTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;

    ApiRateLimitTest(MockMvc mvc, Fixtures fixtures) {
        this.mvc = mvc;
        this.fixtures = fixtures;
    }

    @Test
    void past_its_burst_a_token_gets_429_with_retry_after_and_another_token_is_not_affected() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        String busy = issue(admin, "busy-erp");
        String other = issue(admin, "other-erp");
        for (int i = 0; i < 3; i++) {
            assertThat(tiers(busy).getStatus()).as("request " + (i + 1) + " of the burst").isEqualTo(200);
        }
        MockHttpServletResponse refused = tiers(busy);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        // one request per 1,000 s: the next one comes back in about that long
        assertThat(Long.parseLong(refused.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(900L, 1000L);
        assertThat(refused.getContentAsString()).contains("\"status\":429", "Too many requests for this token");

        assertThat(tiers(other).getStatus()).as("another token").isEqualTo(200);
        assertThat(mvc.perform(get("/api/v1/customers/tiers").header(HttpHeaders.AUTHORIZATION, "Bearer crm_unknown"))
                .andReturn().getResponse().getStatus()).as("an unknown token is refused as such").isEqualTo(401);
    }

    @Test
    void with_the_generator_off_the_contract_is_only_the_committed_file() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        for (String path : new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html"}) {
            assertThat(mvc.perform(get(path).with(user(Fixtures.principal(admin)))).andReturn().getResponse()
                    .getStatus()).as(path).isEqualTo(404);
        }
        MockHttpServletResponse committed = mvc.perform(get("/docs/openapi.yaml")
                .with(user(Fixtures.principal(fixtures.user(Role.ACCOUNT_MANAGER))))).andReturn().getResponse();
        assertThat(committed.getStatus()).isEqualTo(200);
        assertThat(committed.getContentAsString()).contains("/api/v1/orders", "Problem");
    }

    private MockHttpServletResponse tiers(String token) throws Exception {
        return mvc.perform(get("/api/v1/customers/tiers").param("size", "1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse();
    }

    private String issue(AppUser admin, String name) throws Exception {
        return (String) mvc.perform(post("/admin/api-tokens").param("name", name)
                .with(user(Fixtures.principal(admin))).with(csrf())).andReturn().getFlashMap().get("issuedToken");
    }
}

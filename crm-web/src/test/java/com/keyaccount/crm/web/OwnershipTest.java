package com.keyaccount.crm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.keyaccount.crm.customer.CustomerNotFoundException;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A customer the service will not show this user (another manager's, deleted, or missing)
 * answers the same 404 page on every route, and nothing is written.
 */
class OwnershipTest extends WebSliceTest {

    static final long OTHER_MANAGERS = 5;
    static final long MISSING = 999;

    @BeforeEach
    void hiddenCustomers() {
        given(customers.get(any(), eq(OTHER_MANAGERS))).willThrow(new CustomerNotFoundException(OTHER_MANAGERS));
        given(customers.get(any(), eq(MISSING))).willThrow(new CustomerNotFoundException(MISSING));
    }

    static Stream<Arguments> routes() {
        long id = OTHER_MANAGERS;
        return Stream.of(
                Arguments.of("show", get("/customers/{id}", id)),
                Arguments.of("edit form", get("/customers/{id}/edit", id)),
                Arguments.of("log form", get("/customers/{id}/logs/new", id)),
                Arguments.of("contact form", get("/customers/{id}/contacts/new", id)),
                Arguments.of("update", post("/customers/{id}", id)
                        .param("code", "ACME-01").param("name", "改名").param("industry", "IT")
                        .param("region", "EAST").param("status", "ACTIVE").param("version", "3")),
                Arguments.of("record log", post("/customers/{id}/logs", id)
                        .param("channel", "PHONE").param("occurredAt", "2026-03-10T09:00")
                        .param("summary", "电话沟通").param("submissionToken", UUID.randomUUID().toString())),
                Arguments.of("add contact", post("/customers/{id}/contacts", id)
                        .param("name", "王经理").param("decisionRole", "DECISION_MAKER")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void answers_exactly_like_a_missing_customer_and_writes_nothing(String route, MockHttpServletRequestBuilder request)
            throws Exception {
        String missing = mvc.perform(get("/customers/{id}", MISSING).with(user(Fixtures.MANAGER)))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();

        String hidden = mvc.perform(request.with(user(Fixtures.MANAGER)).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"))
                .andReturn().getResponse().getContentAsString();

        assertThat(withoutCsrfToken(hidden)).isEqualTo(withoutCsrfToken(missing));
        verifyNothingWritten();
    }

    /** The logout form's token is masked differently on every rendering. */
    private static String withoutCsrfToken(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }
}

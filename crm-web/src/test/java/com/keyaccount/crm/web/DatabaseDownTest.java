package com.keyaccount.crm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** While the database cannot be reached, pages say so plainly (503), with nothing technical. */
class DatabaseDownTest extends WebSliceTest {

    @Test
    void a_page_that_cannot_reach_the_database_answers_503_without_internals() throws Exception {
        given(customers.search(any(), any(), any()))
                .willThrow(new CannotGetJdbcConnectionException("Connection refused: org.postgresql.Driver at 5432"));
        String page = mvc.perform(get("/customers").with(user(Fixtures.MANAGER))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isServiceUnavailable()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Service unavailable", "Nothing you sent was saved")
                .doesNotContain("postgresql", "Exception", "5432");
    }
}

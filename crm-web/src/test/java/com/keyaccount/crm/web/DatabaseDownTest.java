package com.keyaccount.crm.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import java.sql.SQLException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;

/** While the database cannot be reached, pages say so plainly (503), with nothing technical. */
class DatabaseDownTest extends WebSliceTest {

    @Test
    void a_connection_the_database_dropped_mid_request_answers_503_and_other_sql_failures_do_not() throws Exception {
        given(customers.search(any(), any(), any())).willThrow(new JpaSystemException(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
        mvc.perform(get("/customers").with(user(Fixtures.MANAGER))).andExpect(status().isServiceUnavailable());

        // what Spring reports when it cannot even roll back on the dropped connection
        willThrow(new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed"))))
                .given(customers).search(any(), any(), any());
        mvc.perform(get("/customers").with(user(Fixtures.MANAGER))).andExpect(status().isServiceUnavailable());

        willThrow(new JpaSystemException(new RuntimeException(new SQLException("division by zero", "22012"))))
                .given(customers).search(any(), any(), any());
        // not turned into "unavailable": it goes on to the container's plain error page (500)
        assertThatThrownBy(() -> mvc.perform(get("/customers").with(user(Fixtures.MANAGER))))
                .hasRootCauseMessage("division by zero");
    }

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

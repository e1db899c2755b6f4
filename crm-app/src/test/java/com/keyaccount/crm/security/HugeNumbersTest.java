package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Page numbers come from the address bar: the largest int used to be a server error; now a page
 * past the end shows the last one. (Indexed form rows: RuleEditorTest.)
 */
@FullStackTest
class HugeNumbersTest {

    private static final String HUGE = String.valueOf(Integer.MAX_VALUE);

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final FollowUpSchedule followUps;

    HugeNumbersTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, FollowUpSchedule followUps) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.followUps = followUps;
    }

    @Test
    void the_largest_page_number_shows_the_last_page_of_customers() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("最后一页"));
        MockHttpServletResponse page = get("/customers?page=" + HUGE, manager);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains(customer.getName());
        assertThat(get("/customers?page=-5", manager).getContentAsString()).contains(customer.getName());
    }

    @Test
    void the_largest_timeline_page_shows_the_customers_last_contacts() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("时间线"));
        assertThat(mvc.perform(post("/customers/{id}/logs", customer.getId()).with(csrf())
                .with(user(Fixtures.principal(manager))).param("submissionToken", UUID.randomUUID().toString())
                .param("channel", "PHONE").param("occurredAt", "2026-11-20T10:00").param("summary", "最早的一次通话"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);

        MockHttpServletResponse page = get("/customers/" + customer.getId() + "?logPage=" + HUGE, manager);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("最早的一次通话");
    }

    @Test
    void the_largest_page_of_an_overdue_list_shows_its_last_page() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("逾期"));
        // created long ago and never contacted: overdue
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(100L * 24 * 3600)), customer.getId());
        jdbc.update("""
                INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason)
                VALUES (?, NULL, 'B', 1, CURRENT_TIMESTAMP, 'RECOMPUTED')""", customer.getId());
        followUps.refreshInBatches(List.of(customer.getId()));

        MockHttpServletResponse page = get("/my-day/overdue?page=" + HUGE, manager);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains(customer.getName());
    }

    private MockHttpServletResponse get(String url, AppUser as) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
                .with(user(Fixtures.principal(as))).header(HttpHeaders.ACCEPT_LANGUAGE, "en")).andReturn().getResponse();
    }
}

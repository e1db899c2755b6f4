package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Stored script payloads render as text everywhere they show; extra form fields change nothing. */
@FullStackTest
class HostileInputTest {

    private static final String SCRIPT = "<script>alert('x')</script>";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final FollowUpSchedule followUps;

    HostileInputTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, FollowUpSchedule followUps) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.followUps = followUps;
    }

    @Test
    void a_script_in_names_and_notes_is_shown_escaped_on_every_page_that_shows_it() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("x") + SCRIPT);
        // created long ago and never contacted: overdue, so it is on My day too
        jdbc.update("UPDATE customer SET notes = ?, address = ?, created_at = ? WHERE id = ?", SCRIPT, SCRIPT,
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(100L * 24 * 3600)), customer.getId());
        jdbc.update("""
                INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason)
                VALUES (?, NULL, 'B', 1, CURRENT_TIMESTAMP, 'RECOMPUTED')""", customer.getId());
        followUps.refreshInBatches(List.of(customer.getId()));

        Map<String, AppUser> pages = Map.of(
                "/customers?q=" + customer.getCode(), manager,
                "/customers/" + customer.getId(), manager,
                "/my-day", manager,
                "/log-contact?q=" + customer.getCode(), manager,
                "/dashboard/migrations?owner=" + manager.getId() + "&fromTier=-&toTier=B", director,
                "/dashboard/churn?owner=" + manager.getId(), director);
        for (var page : pages.entrySet()) {
            String html = mvc.perform(get(page.getKey()).with(user(Fixtures.principal(page.getValue()))))
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(page.getKey()).doesNotContain(SCRIPT).contains("&lt;script&gt;");
        }
    }

    @Test
    void extra_fields_posted_to_the_customer_form_change_nothing_they_name() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("表单"));
        mvc.perform(post("/customers/{id}", customer.getId()).with(user(Fixtures.principal(manager))).with(csrf())
                .param("version", String.valueOf(customer.getVersion()))
                .param("code", customer.getCode()).param("name", "改名后").param("industry", "IT")
                .param("region", "EAST").param("status", "ACTIVE")
                // not on the form: the owner, deletion, the tier, the audit columns, the key-account flag
                .param("ownerId", other.getId().toString()).param("owner", other.getId().toString())
                .param("deleted", "true").param("tier", "A").param("createdBy", "x").param("designatedKey", "true")
                .param("verifiedAt", "2000-01-01T00:00:00Z"));
        Map<String, Object> row = jdbc.queryForMap("SELECT name, owner_id, deleted, designated_key FROM customer "
                + "WHERE id = ?", customer.getId());
        assertThat(row.get("name")).as("the legitimate field was saved").isEqualTo("改名后");
        assertThat(((Number) row.get("owner_id")).longValue()).isEqualTo(manager.getId());
        assertThat(row.get("deleted")).isEqualTo(false);
        assertThat(row.get("designated_key")).isEqualTo(false);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_tier WHERE customer_id = ?", Integer.class,
                customer.getId())).isZero();
    }
}

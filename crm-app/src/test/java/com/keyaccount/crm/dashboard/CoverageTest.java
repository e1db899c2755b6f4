package com.keyaccount.crm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One manager's book, unclassified customers (scheduled as C: a contact every 30 days):
 * <pre>
 * c1  created 100 days ago, never contacted   due 70 days ago: overdue;   no contact in 90 days
 * c2  contacted 10 days ago                   due in 20 days;             contacted
 * c3  contacted 120 days ago                  due 90 days ago: overdue;   no contact in 90 days
 * </pre>
 * so 3 customers, 2 overdue, 2 not contacted in the last 90 days (and 1 in the last 365).
 */
@FullStackTest
class CoverageTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final FollowUpSchedule followUps;

    CoverageTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, FollowUpSchedule followUps) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.followUps = followUps;
    }

    @Test
    void overdue_follow_ups_and_customers_without_contact_are_counted_per_manager_and_tier() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer c1 = customer(manager, 100);
        Customer c2 = customer(manager, 200);
        Customer c3 = customer(manager, 200);
        contact(manager, c2, 10);
        contact(manager, c3, 120);
        followUps.refreshInBatches(List.of(c1.getId(), c2.getId(), c3.getId()));

        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String page = page("/dashboard/coverage?owner=" + manager.getId(), director);
        assertThat(row(page, "coverage-by-manager", manager.getDisplayName())).containsSubsequence(">3<", ">2<", ">2<");
        assertThat(row(page, "coverage-by-tier", "Not yet classified")).containsSubsequence(">3<", ">2<", ">2<");

        String year = page("/dashboard/coverage?days=365&owner=" + manager.getId(), director);
        assertThat(row(year, "coverage-by-manager", manager.getDisplayName())).containsSubsequence(">3<", ">2<", ">1<");
    }

    /** The dashboard counts the whole book; coverage leaves lost customers out and says how many. */
    @Test
    void lost_customers_are_left_out_the_totals_add_up_and_the_page_says_how_many_were_left_out() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer(manager, 100);
        customer(manager, 100);
        Customer lost = customer(manager, 100);
        jdbc.update("UPDATE customer SET status = 'LOST', lost_reason = '转向竞争对手' WHERE id = ?", lost.getId());
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);

        String page = page("/dashboard/coverage?owner=" + manager.getId(), director);
        assertThat(row(page, "coverage-by-manager", manager.getDisplayName())).contains(">2<");
        assertThat(row(page, "coverage-by-manager", ">Total<")).contains(">2<");
        assertThat(page).contains("not counted here: 1 of them");
        String dashboard = page("/dashboard?owner=" + manager.getId(), director);
        assertThat(dashboard).as("the dashboard counts all three").contains("3 customers");
    }

    private Customer customer(AppUser owner, int daysAgo) {
        Customer customer = fixtures.customer(owner, Fixtures.unique("覆盖"));
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS)), customer.getId());
        return customer;
    }

    private void contact(AppUser author, Customer customer, int daysAgo) {
        Timestamp at = Timestamp.from(Instant.now().minus(daysAgo, ChronoUnit.DAYS));
        jdbc.update("""
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, submission_token,
                    created_at) VALUES (?, ?, 'PHONE', ?, '电话回访', ?, ?)""", customer.getId(), author.getId(), at,
                UUID.randomUUID().toString(), at);
    }

    private String page(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String row(String page, String section, String label) {
        int from = page.indexOf("id=\"" + section + "\"");
        int start = page.indexOf(label, from);
        assertThat(start).as(label).isGreaterThan(from);
        return page.substring(start, page.indexOf("</tr>", start));
    }
}

package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Visit duties per role and joint on-site visits (协访, issue 19), on Friday 2026-09-18
 * ({@link FixedClock}): with the regulations' defaults a regional manager owes each key (A-tier)
 * account of their region a visit a month and a call a week, an account manager ten working days a
 * month at key accounts. A joint visit counts for the colleague named as for its author.
 */
@FullStackTest
@Import({FixedClock.class, FollowUpBook.class})
class DutiesTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    DutiesTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_joint_visit_counts_for_the_regional_manager_who_came_on_their_my_day_and_attainment() throws Exception {
        AppUser regional = fixtures.user(Role.REGIONAL_MANAGER);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        placeInNewRegion(regional, manager);
        Customer visited = account(manager, "A", "拜访客户");
        Customer waiting = account(manager, "A", "待访客户");
        Customer small = account(manager, "C", "小客户");

        String before = visitsDue(page(get("/my-day"), regional));
        assertThat(before).contains(visited.getName(), waiting.getName()).doesNotContain(small.getName());

        perform(post("/customers/{id}/logs", visited.getId()).with(csrf()).param("channel", "VISIT")
                .param("occurredAt", "2026-09-18T09:00").param("summary", "与区域经理一起上门")
                .param("participants", String.valueOf(regional.getId()))
                .param("submissionToken", UUID.randomUUID().toString()), manager)
                .andExpect(status().is3xxRedirection());

        String after = visitsDue(page(get("/my-day"), regional));
        assertThat(after).contains(waiting.getName()).doesNotContain(visited.getName());
        // the visit on the timeline: who came along, and (no check-in) the one reason it is not verified
        assertThat(page(get("/customers/{id}", visited.getId()), manager)).contains("with " + regional.getDisplayName())
                .contains("no check-in at the customer that day").doesNotContain("??");

        // September: one visit a month owed at each of the two key accounts, one made (jointly); the
        // account manager's one working day at a key account of the ten a month asks
        String attainment = page(get("/attainment").param("from", "2026-09-01").param("to", "2026-09-30"), regional);
        assertThat(row(attainment, regional)).contains("Regional manager").contains("1 / 2 (50%)");
        assertThat(row(attainment, manager)).contains("Account manager").contains("1 / 10");
        // the same lines exported: visits required, counted and attained for the regional manager
        String csv = new String(perform(get("/attainment/duties.csv").param("from", "2026-09-01")
                .param("to", "2026-09-30"), regional).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("Person,Role,Key accounts,On-site visits required")
                .contains(regional.getDisplayName() + ",Regional manager,2,2,1,0.5,8,0,0.0,0,0");
    }

    @Test
    void a_colleague_not_on_the_team_is_refused_beside_the_field_with_the_text_kept_and_nothing_written()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser stranger = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = account(manager, "A", "协访客户");
        String form = page(get("/customers/{id}/logs/new", customer.getId()), manager);
        assertThat(form).doesNotContain("Colleagues who came");

        String refused = perform(post("/customers/{id}/logs", customer.getId()).with(csrf()).param("channel", "VISIT")
                .param("occurredAt", "2026-09-18T09:00").param("summary", "带了别组的同事")
                .param("participants", String.valueOf(stranger.getId()))
                .param("submissionToken", UUID.randomUUID().toString()), manager)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("is no longer on this account&#39;s team").contains("带了别组的同事");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE customer_id = ?", Long.class,
                customer.getId())).isZero();
    }

    @Test
    void an_admin_changes_a_duty_bad_numbers_are_refused_beside_their_field_and_the_change_is_audited()
            throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        try {
            String refused = perform(duties("0", "abc"), admin).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(refused).contains("Enter a whole number from 1 to 3,650, or leave it blank.")
                    .contains("Enter a whole number.").contains("value=\"abc\"");
            assertThat(jdbc.queryForObject("""
                    SELECT visit_every_days FROM role_duty WHERE role = 'ACCOUNT_MANAGER' AND tier = 'A'""",
                    Integer.class)).isEqualTo(15);

            perform(duties("10", "12"), admin).andExpect(status().is3xxRedirection());
            assertThat(jdbc.queryForList("""
                    SELECT field || ':' || old_value || '>' || new_value FROM audit_event
                    WHERE entity_type = 'RoleDuty.ACCOUNT_MANAGER' AND actor = ? ORDER BY field""", String.class,
                    admin.getUsername())).containsExactly("daysPerMonth:10>12", "visitEveryDays[A]:15>10");
            assertThat(page(get("/admin/duties"), admin)).contains("value=\"10\"").contains("value=\"12\"");
            // every number of a role blanked: the role has no duty, and saving the form again keeps it so
            for (int twice = 0; twice < 2; twice++) {
                perform(post("/admin/duties").with(csrf()).param("roles[2].tiers[0].visitEveryDays", "10"), admin)
                        .andExpect(status().is3xxRedirection());
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM role_duty WHERE role = 'PROVINCE_MANAGER'", Long.class))
                    .isZero();
        } finally {
            perform(duties("15", "10"), admin);
        }
    }

    /** The duties form as the regulations set it, but the account manager's A visit and days as given. */
    private static MockHttpServletRequestBuilder duties(String managerVisitA, String managerDays) {
        return post("/admin/duties").with(csrf())
                .param("roles[0].tiers[0].visitEveryDays", "60").param("roles[0].tiers[0].callEveryDays", "30")
                .param("roles[1].tiers[0].visitEveryDays", "30").param("roles[1].tiers[0].callEveryDays", "7")
                .param("roles[2].tiers[0].visitEveryDays", managerVisitA)
                .param("roles[2].tiers[0].callEveryDays", "1").param("roles[2].daysPerMonth", managerDays);
    }

    private void placeInNewRegion(AppUser... people) {
        long company = jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id IS NULL", Long.class);
        String name = Fixtures.unique("区域");
        jdbc.update("INSERT INTO org_unit (parent_id, kind, name, created_at) VALUES (?, 'REGION', ?, ?)", company,
                name, Timestamp.from(FixedClock.NOW));
        long unit = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = ?", Long.class, name);
        for (AppUser person : people) {
            jdbc.update("UPDATE app_user SET unit_id = ? WHERE id = ?", unit, person.getId());
        }
    }

    /** A customer of the tier since January, as a classification writes it. */
    private Customer account(AppUser owner, String tier, String name) {
        Customer customer = fixtures.customer(owner, Fixtures.unique(name));
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?",
                Timestamp.valueOf("2026-01-05 10:00:00"), customer.getId());
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, ?, ?, 1, ?, 0, 0)""", customer.getId(), tier, tier,
                Timestamp.from(FixedClock.NOW));
        jdbc.update("UPDATE customer_list_tier SET sort_tier = ? WHERE customer_id = ?", tier, customer.getId());
        return customer;
    }

    /** My day's list of key accounts due for the user's own on-site visit. */
    private static String visitsDue(String page) {
        int from = page.indexOf("id=\"duty-visit\"");
        assertThat(from).as("the duty card's on-site visits").isPositive();
        return page.substring(from, page.indexOf("id=\"duty-call\"", from));
    }

    /** The person's line of the duties table. */
    private static String row(String page, AppUser person) {
        int from = page.indexOf("id=\"duty-person-" + person.getId() + "\"");
        assertThat(from).as("the duties line of " + person.getDisplayName()).isPositive();
        return page.substring(from, page.indexOf("</tr>", from));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, AppUser who) throws Exception {
        return mvc.perform(request.with(user(Fixtures.principal(who))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    private String page(MockHttpServletRequestBuilder request, AppUser who) throws Exception {
        return perform(request, who).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}

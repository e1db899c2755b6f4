package com.keyaccount.crm.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The service team per account (重点客户服务团队, issue 19): the owner puts a customer service person
 * on an account's team; from their next request they see that account — its page, the list, the
 * export — and no other, cannot change the team or own customers; taken off, they lose it again.
 */
@FullStackTest
class ServiceTeamTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    ServiceTeamTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_customer_service_person_sees_the_accounts_of_their_teams_only_while_on_them() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser service = fixtures.user(Role.CUSTOMER_SERVICE);
        Customer served = fixtures.customer(owner, Fixtures.unique("团队客户"));
        Customer other = fixtures.customer(owner, Fixtures.unique("非团队客户"));
        perform(get("/customers/{id}", served.getId()), service).andExpect(status().isNotFound());

        perform(post("/customers/{id}/team", served.getId()).with(csrf())
                .param("userId", String.valueOf(service.getId())), owner)
                .andExpect(flash().attribute("flash", "flash.team.added"));

        String page = page(get("/customers/{id}", served.getId()), service);
        assertThat(page).contains(served.getName());
        assertThat(card(page)).contains(owner.getDisplayName()).contains(service.getDisplayName())
                .contains("Customer service").doesNotContain("Add to the team");
        perform(get("/customers/{id}", other.getId()), service).andExpect(status().isNotFound());
        assertThat(page(get("/customers").param("q", "客户"), service)).contains(served.getName())
                .doesNotContain(other.getName());
        String export = new String(perform(get("/exports/customers.csv"), service).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(export).contains(served.getCode()).doesNotContain(other.getCode());
        // a member serves the account; the team is the owner's (and their managers') to change
        perform(post("/customers/{id}/team/{u}/remove", served.getId(), service.getId()).with(csrf()), service)
                .andExpect(status().isForbidden());
        perform(get("/customers/new"), service).andExpect(status().isForbidden());

        perform(post("/customers/{id}/team/{u}/remove", served.getId(), service.getId()).with(csrf()), owner)
                .andExpect(flash().attribute("flash", "flash.team.removed"));
        perform(get("/customers/{id}", served.getId()), service).andExpect(status().isNotFound());
        assertThat(jdbc.queryForList("""
                SELECT action || ':' || COALESCE(new_value, old_value) FROM audit_event
                WHERE entity_type = 'ServiceMember' AND customer_id = ? ORDER BY id""", String.class, served.getId()))
                .containsExactly("CREATE:" + service.getDisplayName(), "DELETE:" + service.getDisplayName());
    }

    @Test
    void only_people_who_serve_accounts_join_and_the_owners_managers_are_shown_beside_them() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser regional = fixtures.user(Role.REGIONAL_MANAGER);
        AppUser marketing = fixtures.user(Role.MARKETING);
        Customer customer = fixtures.customer(owner, Fixtures.unique("团队客户"));
        long company = jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id IS NULL", Long.class);
        String region = Fixtures.unique("区域");
        perform(post("/admin/organisation").with(csrf()).param("parentId", String.valueOf(company))
                .param("kind", "REGION").param("name", region), admin);
        long unit = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = ?", Long.class, region);
        jdbc.update("UPDATE app_user SET unit_id = ? WHERE id IN (?, ?)", unit, owner.getId(), regional.getId());

        for (AppUser refused : new AppUser[] {director, owner}) {
            perform(post("/customers/{id}/team", customer.getId()).with(csrf())
                    .param("userId", String.valueOf(refused.getId())), owner)
                    .andExpect(flash().attribute("teamRefused", "team.refused"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_member WHERE customer_id = ?", Long.class,
                customer.getId())).isZero();
        // the regional manager above the owner sees the account and may change its team
        String card = card(page(get("/customers/{id}", customer.getId()), regional));
        assertThat(card).contains(regional.getDisplayName()).contains("Regional manager").contains("Add to the team")
                .contains(marketing.getDisplayName() + " · Marketing");
    }

    /** The team's card on the customer page. */
    private static String card(String page) {
        int from = page.indexOf("id=\"service-team\"");
        assertThat(from).as("the service team's card").isPositive();
        return page.substring(from, page.indexOf("</section>", from));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, AppUser who) throws Exception {
        return mvc.perform(request.with(user(Fixtures.principal(who))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    private String page(MockHttpServletRequestBuilder request, AppUser who) throws Exception {
        return perform(request, who).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}

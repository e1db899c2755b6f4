package com.keyaccount.crm.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
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
 * The sales organisation (issue 19): the admin builds a tree of units and places people in it; a
 * regional manager sees the customers of everyone below them — on pages and in exports — and
 * nobody else's, and a move re-scopes them at their next request, on record in the audit log.
 */
@FullStackTest
class OrganisationTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    OrganisationTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_regional_manager_sees_the_books_below_them_and_loses_them_when_the_team_moves() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        long province = add(admin, company(), "PROVINCE", Fixtures.unique("华东省区"));
        long east = add(admin, province, "REGION", Fixtures.unique("上海区域"));
        long west = add(admin, province, "REGION", Fixtures.unique("苏州区域"));
        long team = add(admin, east, "TEAM", Fixtures.unique("一组"));
        AppUser regional = fixtures.user(Role.REGIONAL_MANAGER);
        AppUser below = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser elsewhere = fixtures.user(Role.ACCOUNT_MANAGER);
        place(admin, regional, east);
        place(admin, below, team);
        Customer seen = fixtures.customer(below, Fixtures.unique("下属客户"));
        Customer unseen = fixtures.customer(elsewhere, Fixtures.unique("别人客户"));

        perform(get("/customers/{id}", seen.getId()), regional).andExpect(status().isOk());
        perform(get("/customers/{id}", unseen.getId()), regional).andExpect(status().isNotFound());
        String list = page(get("/customers").param("q", "客户"), regional);
        assertThat(list).contains(seen.getName()).doesNotContain(unseen.getName());
        String export = new String(perform(get("/exports/customers.csv"), regional).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(export).contains(seen.getCode()).doesNotContain(unseen.getCode());
        // their day is their people's, as a director's is the team's
        String day = page(get("/my-day"), regional);
        assertThat(day).contains(below.getDisplayName()).doesNotContain(elsewhere.getDisplayName());
        // the account manager below sees their own book only, as before
        perform(get("/customers/{id}", unseen.getId()), below).andExpect(status().isNotFound());

        perform(post("/admin/organisation/{id}", team).with(csrf()).param("name", name(team))
                .param("parentId", String.valueOf(west)).param("version", String.valueOf(version(team))), admin)
                .andExpect(redirectedUrl("/admin/organisation/" + team));
        // the same signed-in regional manager, at their next request
        perform(get("/customers/{id}", seen.getId()), regional).andExpect(status().isNotFound());
        assertThat(jdbc.queryForList("""
                SELECT old_value || ' > ' || new_value FROM audit_event
                WHERE entity_type = 'OrgUnit' AND entity_id = ? AND field = 'parent'""", String.class, team))
                .containsExactly("公司 / " + name(province) + " / " + name(east) + " > 公司 / " + name(province) + " / "
                        + name(west));
    }

    @Test
    void the_tree_refuses_what_would_break_it_beside_the_field() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        long region = add(admin, company(), "REGION", Fixtures.unique("区域"));
        long team = add(admin, region, "TEAM", Fixtures.unique("组"));

        String below = page(post("/admin/organisation").with(csrf()).param("parentId", String.valueOf(team))
                .param("kind", "TEAM").param("name", "组下之组"), admin);
        assertThat(below).contains("A unit goes only below a unit of a higher level.").contains("组下之组");
        String cycle = page(post("/admin/organisation/{id}", region).with(csrf()).param("name", name(region))
                .param("parentId", String.valueOf(team)).param("version", String.valueOf(version(region))), admin);
        assertThat(cycle).contains("A unit cannot go below itself or one of its own units.");
        String nul = page(post("/admin/organisation/{id}", team).with(csrf()).param("name", "坏\u0000名")
                .param("parentId", String.valueOf(region)).param("version", String.valueOf(version(team))), admin);
        assertThat(nul).contains("The name contains control characters.");
        assertThat(name(team)).doesNotContain("坏");
        perform(post("/admin/organisation/{id}", team).with(csrf()).param("name", "溢出的版本")
                .param("parentId", String.valueOf(region)).param("version", "99999999999999999999"), admin)
                .andExpect(status().isOk());
        assertThat(name(team)).as("a version that is no number saves nothing").doesNotContain("溢出");
        perform(post("/admin/organisation/{id}", team).with(csrf()).param("name", "旧版本的名字")
                .param("parentId", String.valueOf(region)).param("version", String.valueOf(version(team) - 1)), admin)
                .andExpect(status().isConflict());

        perform(post("/admin/organisation/{id}/delete", region).with(csrf())
                .param("version", String.valueOf(version(region))), admin)
                .andExpect(flash().attribute("refused", "org.refused.HAS_UNITS"));
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        place(admin, owner, team);
        fixtures.customer(owner, Fixtures.unique("组里的客户"));
        perform(post("/admin/organisation/{id}/delete", team).with(csrf())
                .param("version", String.valueOf(version(team))), admin)
                .andExpect(flash().attribute("refused", "org.refused.OWNS_CUSTOMERS"));
        perform(post("/admin/organisation/{id}/delete", company()).with(csrf())
                .param("version", String.valueOf(version(company()))), admin)
                .andExpect(flash().attribute("refused", "org.refused.COMPANY"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE id IN (?, ?)", Long.class, region, team))
                .isEqualTo(2);
    }

    @Test
    void deleting_an_empty_unit_moves_its_people_up_on_record() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        long region = add(admin, company(), "REGION", Fixtures.unique("区域"));
        long team = add(admin, region, "TEAM", Fixtures.unique("空组"));
        AppUser member = fixtures.user(Role.ACCOUNT_MANAGER);
        place(admin, member, team);

        perform(post("/admin/organisation/{id}/delete", team).with(csrf())
                .param("version", String.valueOf(version(team))), admin)
                .andExpect(redirectedUrl("/admin/organisation"));

        assertThat(jdbc.queryForObject("SELECT unit_id FROM app_user WHERE id = ?", Long.class, member.getId()))
                .isEqualTo(region);
        assertThat(jdbc.queryForList("""
                SELECT new_value FROM audit_event WHERE entity_type = 'AppUser' AND entity_id = ? AND field = 'unit'
                ORDER BY id""", String.class, member.getId())).last().isEqualTo("公司 / " + name(region));
        perform(get("/admin/organisation/{id}", team), admin).andExpect(status().isNotFound());
    }

    @Test
    void a_leaver_hands_their_book_to_someone_named_or_stays() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        AppUser leaving = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser successor = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(leaving, Fixtures.unique("交接客户"));

        // nor does their book go nowhere by a new role that sees no book of its own
        String role = page(post("/admin/users/{id}", leaving.getId()).with(csrf())
                .param("displayName", leaving.getDisplayName()).param("role", "CUSTOMER_SERVICE")
                .param("version", String.valueOf(jdbc.queryForObject("SELECT version FROM app_user WHERE id = ?",
                        Long.class, leaving.getId()))), admin);
        assertThat(role).contains("owns customers");
        assertThat(jdbc.queryForObject("SELECT role FROM app_user WHERE id = ?", String.class, leaving.getId()))
                .isEqualTo("ACCOUNT_MANAGER");
        perform(post("/admin/users/{id}/disable", leaving.getId()).with(csrf()), admin)
                .andExpect(redirectedUrl("/admin/users/" + leaving.getId() + "/leave"));
        assertThat(enabled(leaving)).isTrue();
        String unnamed = page(post("/admin/users/{id}/leave", leaving.getId()).with(csrf()), admin);
        assertThat(unnamed).contains("Choose who takes over the customers.");
        String self = page(post("/admin/users/{id}/leave", leaving.getId()).with(csrf())
                .param("successorId", String.valueOf(leaving.getId())), admin);
        assertThat(self).contains("Choose an enabled account manager other than the one leaving.");
        assertThat(enabled(leaving)).isTrue();
        assertThat(ownerOf(customer)).isEqualTo(leaving.getId());

        perform(post("/admin/users/{id}/leave", leaving.getId()).with(csrf())
                .param("successorId", String.valueOf(successor.getId())), admin)
                .andExpect(redirectedUrl("/admin/users"));

        assertThat(enabled(leaving)).isFalse();
        assertThat(ownerOf(customer)).isEqualTo(successor.getId());
        assertThat(jdbc.queryForList("""
                SELECT field || ':' || new_value FROM audit_event WHERE customer_id = ? AND action = 'UPDATE'
                ORDER BY field""", String.class, customer.getId()))
                .containsExactly("owner:" + successor.getUsername(),
                        "reassignReason:Handed over when " + leaving.getDisplayName() + " left");
    }

    private long company() {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id IS NULL", Long.class);
    }

    private long add(AppUser admin, long parent, String kind, String name) throws Exception {
        perform(post("/admin/organisation").with(csrf()).param("parentId", String.valueOf(parent)).param("kind", kind)
                .param("name", name), admin).andExpect(redirectedUrl("/admin/organisation"));
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id = ? AND name = ?", Long.class, parent, name);
    }

    /** Through the user form, as an admin places someone. */
    private void place(AppUser admin, AppUser user, long unit) throws Exception {
        long version = jdbc.queryForObject("SELECT version FROM app_user WHERE id = ?", Long.class, user.getId());
        perform(post("/admin/users/{id}", user.getId()).with(csrf()).param("displayName", user.getDisplayName())
                .param("role", user.getRole().name()).param("region", "EAST").param("unitId", String.valueOf(unit))
                .param("version", String.valueOf(version)), admin).andExpect(redirectedUrl("/admin/users"));
    }

    private String name(long unit) {
        return jdbc.queryForObject("SELECT name FROM org_unit WHERE id = ?", String.class, unit);
    }

    private long version(long unit) {
        return jdbc.queryForObject("SELECT version FROM org_unit WHERE id = ?", Long.class, unit);
    }

    private boolean enabled(AppUser user) {
        return jdbc.queryForObject("SELECT enabled FROM app_user WHERE id = ?", Boolean.class, user.getId());
    }

    private long ownerOf(Customer customer) {
        return jdbc.queryForObject("SELECT owner_id FROM customer WHERE id = ?", Long.class, customer.getId());
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, AppUser who) throws Exception {
        return mvc.perform(request.with(user(Fixtures.principal(who))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    private String page(MockHttpServletRequestBuilder request, AppUser who) throws Exception {
        return perform(request, who).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}

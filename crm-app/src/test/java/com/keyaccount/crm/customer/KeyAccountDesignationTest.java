package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** 高层指定: leadership marks key accounts with a reason; account managers cannot. */
@FullStackTest
class KeyAccountDesignationTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    KeyAccountDesignationTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_director_designates_a_key_account_and_everyone_sees_who_and_why() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("战略客户"));

        mvc.perform(post("/customers/{id}/designation", customer.getId()).param("reason", "集团战略合作伙伴")
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(row(customer)).containsEntry("designated_key", true)
                .containsEntry("designated_reason", "集团战略合作伙伴");
        String page = mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(manager))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("集团战略合作伙伴", director.getDisplayName());
        assertThat(jdbc.queryForObject("""
                SELECT new_value FROM audit_event WHERE entity_id = ? AND field = 'designatedKey'""", String.class,
                customer.getId())).isEqualTo("集团战略合作伙伴");

        mvc.perform(post("/customers/{id}/designation/withdraw", customer.getId())
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(row(customer)).containsEntry("designated_key", false);
    }

    @Test
    void an_account_manager_cannot_designate_even_their_own_customer() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("自己的客户"));
        mvc.perform(post("/customers/{id}/designation", customer.getId()).param("reason", "我说了算")
                        .with(user(Fixtures.principal(manager))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(row(customer)).containsEntry("designated_key", false);
    }

    @Test
    void a_designation_without_a_reason_is_refused_and_changes_nothing() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("无理由"));
        mvc.perform(post("/customers/{id}/designation", customer.getId()).param("reason", "   ")
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(flash().attribute("designationError", "customer.designation.reason.required"));
        assertThat(row(customer)).containsEntry("designated_key", false);
    }

    private Map<String, Object> row(Customer customer) {
        return jdbc.queryForMap("SELECT designated_key, designated_reason FROM customer WHERE id = ?", customer.getId());
    }
}

package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SignedIn;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** A director moves customers between account managers, with a reason; the old owner loses them at once. */
@FullStackTest
class ReassignTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final FollowUpSchedule followUps;
    private AppUser director;
    private AppUser zhang;
    private AppUser li;
    private Customer first;
    private Customer second;

    ReassignTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, FollowUpSchedule followUps) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.followUps = followUps;
    }

    @BeforeEach
    void book() {
        director = fixtures.user(Role.SALES_DIRECTOR);
        zhang = fixtures.user(Role.ACCOUNT_MANAGER);
        li = fixtures.user(Role.ACCOUNT_MANAGER);
        first = fixtures.customer(zhang, Fixtures.unique("甲"));
        second = fixtures.customer(zhang, Fixtures.unique("乙"));
        followUps.refreshInBatches(List.of(first.getId(), second.getId()));
    }

    @Test
    void ticked_customers_move_with_their_schedules_and_the_move_is_audited() throws Exception {
        mvc.perform(post("/customers/reassign").param("ids", first.getId().toString(), second.getId().toString())
                        .param("newOwner", li.getId().toString()).param("reason", "区域调整")
                        .param("back", "?region=EAST&page=0")
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(redirectedUrl("/customers?region=EAST&page=0"))
                .andExpect(flash().attribute("reassigned", 2));

        assertThat(owner(first)).isEqualTo(li.getId());
        assertThat(owner(second)).isEqualTo(li.getId());
        mvc.perform(get("/customers/{id}", first.getId()).with(user(Fixtures.principal(zhang))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/customers/{id}", first.getId()).with(user(Fixtures.principal(li))))
                .andExpect(status().isOk());
        assertThat(jdbc.queryForObject("SELECT owner_id FROM follow_up WHERE customer_id = ?", Long.class,
                first.getId())).isEqualTo(li.getId());
        assertThat(jdbc.queryForList("""
                SELECT field || ':' || COALESCE(old_value, '') || '>' || new_value FROM audit_event
                WHERE customer_id = ? AND action = 'UPDATE' ORDER BY id""", String.class, first.getId()))
                .containsExactly("owner:" + zhang.getUsername() + ">" + li.getUsername(), "reassignReason:>区域调整");
    }

    @Test
    void without_a_reason_nothing_moves_and_the_list_says_why() throws Exception {
        mvc.perform(post("/customers/reassign").param("ids", first.getId().toString())
                        .param("newOwner", li.getId().toString()).param("reason", " ")
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(flash().attribute("reassignError", "reassign.reason.required"));
        assertThat(owner(first)).isEqualTo(zhang.getId());
    }

    @Test
    void after_a_refused_reassign_the_ticked_customers_and_the_chosen_manager_are_still_chosen() throws Exception {
        Cookie browser = SignedIn.as(mvc, director);
        var refuse = post("/customers/reassign").param("ids", first.getId().toString())
                .param("newOwner", li.getId().toString()).param("reason", "").cookie(browser).with(csrf());
        mvc.perform(refuse).andExpect(status().is3xxRedirection());
        String list = mvc.perform(get("/customers").param("q", first.getName()).cookie(browser))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(checkbox(list, first)).contains("checked");
        assertThat(list).containsPattern("<option value=\"" + li.getId() + "\"[^>]*selected");
        mvc.perform(refuse).andExpect(status().is3xxRedirection());
        String other = mvc.perform(get("/customers").param("q", second.getName()).cookie(browser))
                .andReturn().getResponse().getContentAsString();
        assertThat(checkbox(other, second)).as("not ticked before, not ticked now").doesNotContain("checked");
    }

    private static String checkbox(String page, Customer customer) {
        var box = java.util.regex.Pattern.compile("<input type=\"checkbox\" name=\"ids\"[^>]*value=\""
                + customer.getId() + "\"[^>]*>").matcher(page);
        assertThat(box.find()).as("the customer's checkbox").isTrue();
        return box.group();
    }

    @Test
    void an_account_manager_cannot_reassign_and_an_open_redirect_is_refused() throws Exception {
        mvc.perform(post("/customers/reassign").param("ids", first.getId().toString())
                        .param("newOwner", li.getId().toString()).param("reason", "抢客户")
                        .with(user(Fixtures.principal(zhang))).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(owner(first)).isEqualTo(zhang.getId());
        mvc.perform(post("/customers/reassign").param("back", "//evil.example/x")
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(redirectedUrl("/customers"));
    }

    private long owner(Customer customer) {
        return jdbc.queryForObject("SELECT owner_id FROM customer WHERE id = ?", Long.class, customer.getId());
    }
}

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
import com.keyaccount.crm.tier.application.TierRecompute;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.ResultActions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 高层指定: leadership marks key accounts with a reason; account managers cannot. A designated
 * customer is held at the top tier until the designation is withdrawn.
 */
@FullStackTest
class KeyAccountDesignationTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;

    KeyAccountDesignationTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @Test
    void a_designated_customer_is_held_at_the_top_tier_until_the_designation_is_withdrawn() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("指定重点"));
        recompute.run("TEST", "tester"); // no orders: computed C

        designate(director, customer, "集团战略合作伙伴").andExpect(flash().attribute("flash", "flash.customer.designated"));
        assertThat(tierRow(customer)).containsEntry("effective_tier", "A").containsEntry("pinned_tier", "A")
                .containsEntry("pinned_reason", "集团战略合作伙伴").containsEntry("pinned_until", null);
        assertThat(scheduledTier(customer)).as("the visit cadence follows at once").isEqualTo("A");

        recompute.run("TEST", "tester");
        assertThat(tierRow(customer)).as("a recompute keeps the designation").containsEntry("effective_tier", "A");

        String page = mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Designated key account by " + director.getDisplayName() + ": 集团战略合作伙伴. Held at A")
                .doesNotContain("Remove the pinned tier", "Pin a tier");

        mvc.perform(post("/customers/{id}/tier-pin", customer.getId()).with(user(Fixtures.principal(director)))
                        .with(csrf()).param("tier", "B").param("reason", "降级").param("until", ""))
                .andExpect(flash().attribute("pinErrors", Map.of("tier", "tier.pin.designated")));
        mvc.perform(post("/customers/{id}/tier-pin/remove", customer.getId())
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(flash().attribute("pinErrors", Map.of("tier", "tier.pin.designated")));
        assertThat(tierRow(customer)).as("no other pin while designated").containsEntry("effective_tier", "A")
                .containsEntry("pinned_reason", "集团战略合作伙伴");

        mvc.perform(post("/customers/{id}/designation/withdraw", customer.getId())
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tierRow(customer)).containsEntry("effective_tier", "C").containsEntry("pinned_tier", null);
        assertThat(scheduledTier(customer)).isEqualTo("C");
        assertThat(history(customer)).containsExactly("->C RECOMPUTED", "C>A DESIGNATED", "A>C DESIGNATION_WITHDRAWN");
    }

    @Test
    void a_customer_designated_before_its_first_classification_starts_at_the_top_tier() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("新战略客户"));

        designate(director, customer, "新签战略协议")
                .andExpect(flash().attribute("flash", "flash.customer.designatedNotClassified"));
        recompute.run("TEST", "tester");

        assertThat(tierRow(customer)).containsEntry("effective_tier", "A").containsEntry("computed_tier", "C")
                .containsEntry("pinned_tier", "A").containsEntry("pinned_reason", "新签战略协议")
                .containsEntry("pinned_by", director.getUsername());
        assertThat(history(customer)).containsExactly("->A DESIGNATED");
    }

    @Test
    void a_designation_an_older_version_recorded_without_a_tier_takes_hold_at_the_next_recompute() {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("旧指定"));
        recompute.run("TEST", "tester");
        jdbc.update("""
                UPDATE customer SET designated_key = TRUE, designated_reason = '老客户', designated_by_id = ?
                WHERE id = ?""", director.getId(), customer.getId());

        recompute.run("TEST", "tester");

        assertThat(tierRow(customer)).containsEntry("effective_tier", "A").containsEntry("pinned_tier", "A")
                .containsEntry("pinned_reason", "老客户");
        assertThat(history(customer)).containsExactly("->C RECOMPUTED", "C>A DESIGNATED");
    }

    private ResultActions designate(AppUser who, Customer customer, String reason) throws Exception {
        return mvc.perform(post("/customers/{id}/designation", customer.getId()).param("reason", reason)
                .with(user(Fixtures.principal(who))).with(csrf()));
    }

    private Map<String, Object> tierRow(Customer customer) {
        return jdbc.queryForMap("""
                SELECT effective_tier, computed_tier, pinned_tier, pinned_reason, pinned_until, pinned_by
                FROM customer_tier WHERE customer_id = ?""", customer.getId());
    }

    private String scheduledTier(Customer customer) {
        return jdbc.queryForObject("SELECT tier FROM follow_up WHERE customer_id = ?", String.class, customer.getId());
    }

    private List<String> history(Customer customer) {
        return jdbc.queryForList("""
                SELECT coalesce(from_tier, '-') || '>' || to_tier || ' ' || reason FROM tier_change
                WHERE customer_id = ? ORDER BY id""", String.class, customer.getId());
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

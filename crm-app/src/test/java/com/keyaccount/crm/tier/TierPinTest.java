package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** 高层指定: a pinned tier wins over the computed one until its last day, then the computed one returns. */
@FullStackTest
class TierPinTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final ZoneId businessZone;

    TierPinTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.businessZone = businessZone;
    }

    @Test
    void a_pinned_tier_wins_over_recomputes_and_removing_it_restores_the_computed_tier() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("指定客户"));
        recompute.run("TEST", "tester"); // no orders: computed C

        pin(director, customer, "A", "集团战略客户", "").andExpect(status().is3xxRedirection());
        assertThat(tier(customer)).isEqualTo("A");

        recompute.run("TEST", "tester");
        assertThat(tier(customer)).as("the pin survives a recompute").isEqualTo("A");
        String page = mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Pinned to A by " + director.getUsername() + ": 集团战略客户", "C \u2014 rank");

        mvc.perform(post("/customers/{id}/tier-pin/remove", customer.getId())
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(tier(customer)).isEqualTo("C");
        assertThat(history(customer)).containsExactly("->C RECOMPUTED", "C>A PINNED", "A>C UNPINNED");
    }

    @Test
    void an_expired_pin_gives_way_to_the_computed_tier_at_the_next_recompute() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("到期"));
        recompute.run("TEST", "tester");
        LocalDate today = LocalDate.now(businessZone);
        pin(director, customer, "B", "季度促销", today.toString()).andExpect(status().is3xxRedirection());

        recompute.run("TEST", "tester");
        assertThat(tier(customer)).as("a pin lasts through its last day").isEqualTo("B");

        jdbc.update("UPDATE customer_tier SET pinned_until = ? WHERE customer_id = ?", today.minusDays(1),
                customer.getId());
        recompute.run("TEST", "tester");
        assertThat(tier(customer)).isEqualTo("C");
        assertThat(history(customer)).last().isEqualTo("B>C PIN_EXPIRED");
    }

    @Test
    void a_pin_needs_a_tier_and_a_reason_and_account_managers_cannot_pin() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("无理由指定"));
        recompute.run("TEST", "tester");

        var result = pin(director, customer, "", "  ", "2000-01-01").andReturn();
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) result.getFlashMap().get("pinErrors");
        assertThat(errors).containsOnlyKeys("tier", "reason", "until");

        pin(manager, customer, "A", "我想要", "").andExpect(status().isForbidden());
        assertThat(tier(customer)).isEqualTo("C");
        assertThat(jdbc.queryForObject("SELECT pinned_tier FROM customer_tier WHERE customer_id = ?", String.class,
                customer.getId())).isNull();
    }

    private org.springframework.test.web.servlet.ResultActions pin(AppUser who, Customer customer, String tier,
            String reason, String until) throws Exception {
        return mvc.perform(post("/customers/{id}/tier-pin", customer.getId()).with(user(Fixtures.principal(who)))
                .with(csrf()).param("tier", tier).param("reason", reason).param("until", until));
    }

    private String tier(Customer customer) {
        return jdbc.queryForObject("SELECT effective_tier FROM customer_tier WHERE customer_id = ?", String.class, customer.getId());
    }

    private List<String> history(Customer customer) {
        return jdbc.queryForList("""
                SELECT coalesce(from_tier, '-') || '>' || to_tier || ' ' || reason FROM tier_change
                WHERE customer_id = ? ORDER BY id""", String.class, customer.getId());
    }
}

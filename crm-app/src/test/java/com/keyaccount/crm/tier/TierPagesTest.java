package com.keyaccount.crm.tier;

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
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

@FullStackTest
class TierPagesTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final TierRecompute recompute;
    private final TierPolicyRepository policies;

    TierPagesTest(MockMvc mvc, Fixtures fixtures, TierRecompute recompute, TierPolicyRepository policies) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.recompute = recompute;
        this.policies = policies;
    }

    @Test
    void a_director_starts_a_recompute_and_the_customer_page_then_explains_the_tier() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("待分级"));

        String overview = mvc.perform(get("/tiers").with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int version = policies.findTopByOrderByVersionDesc().orElseThrow().getVersion();
        assertThat(overview).contains("Policy in force: v" + version, "Pareto ABC");

        mvc.perform(post("/tiers/recompute").with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(redirectedUrl("/tiers"))
                .andExpect(flash().attribute("flash", "flash.tiers.started"));
        Recomputes.awaitIdle(recompute);

        String page = mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // no orders: zero revenue is C, and the first classification is history
        assertThat(page).contains("C \u2014 rank", "classified as C", "(policy v" + version + ",");
        String list = mvc.perform(get("/customers").param("q", customer.getName())
                        .with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).containsPattern("tier-why\">#[\\d,]+ of [\\d,]+ \u00b7 \\d+\\.\\d% before"); // 1,145 past a thousand
        String runs = mvc.perform(get("/tiers").with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse().getContentAsString();
        assertThat(runs).contains("Recomputed by hand (" + director.getUsername() + ")", "done");
    }

    @Test
    void account_managers_cannot_see_or_start_recomputes() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        mvc.perform(get("/tiers").with(user(Fixtures.principal(manager)))).andExpect(status().isForbidden());
        mvc.perform(post("/tiers/recompute").with(user(Fixtures.principal(manager))).with(csrf()))
                .andExpect(status().isForbidden());
    }

}

package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/** The list sorted and filtered by tier follows the tier in force as it moves: by a recompute, a pin, an unpin. */
@FullStackTest
class CustomerListTierSortTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final TierRecompute recompute;

    CustomerListTierSortTest(MockMvc mvc, Fixtures fixtures, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.recompute = recompute;
    }

    @Test
    void sorting_by_tier_follows_pins_both_ways() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        String family = Fixtures.unique("排序");
        Customer first = fixtures.customer(manager, family + "甲");
        Customer second = fixtures.customer(manager, family + "乙");
        Customer third = fixtures.customer(manager, family + "丙");
        recompute.run("TEST", "tester"); // no orders: all C

        pin(director, third, "A");
        pin(director, second, "B");
        assertThat(names(director, family, "asc")).containsExactly(third.getName(), second.getName(), first.getName());
        assertThat(names(director, family, "desc")).containsExactly(first.getName(), second.getName(), third.getName());
        assertThat(names(manager, family, "asc")).as("the manager's own list alike")
                .containsExactly(third.getName(), second.getName(), first.getName());
        assertThat(inTier(director, family, "A")).containsExactly(third.getName());
        assertThat(inTier(manager, family, "C")).containsExactly(first.getName());

        mvc.perform(post("/customers/{id}/tier-pin/remove", third.getId()).with(user(Fixtures.principal(director)))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(names(director, family, "asc")).as("C again: among the Cs, in the order they were added")
                .containsExactly(second.getName(), first.getName(), third.getName());
        assertThat(inTier(director, family, "A")).isEmpty();
        assertThat(inTier(director, family, "C")).containsExactlyInAnyOrder(first.getName(), third.getName());
    }

    private List<String> inTier(AppUser who, String family, String tier) throws Exception {
        String html = mvc.perform(get("/customers").param("q", family).param("tier", tier)
                        .with(user(Fixtures.principal(who))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("table tbody tr td[data-label] a[href^=/customers/]").eachText();
    }

    private void pin(AppUser director, Customer customer, String tier) throws Exception {
        mvc.perform(post("/customers/{id}/tier-pin", customer.getId()).with(user(Fixtures.principal(director)))
                .with(csrf()).param("tier", tier).param("reason", "排序测试").param("until", ""))
                .andExpect(status().is3xxRedirection());
    }

    private List<String> names(AppUser who, String family, String dir) throws Exception {
        String html = mvc.perform(get("/customers").param("q", family).param("sort", "tier").param("dir", dir)
                        .with(user(Fixtures.principal(who))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("table tbody tr td[data-label] a[href^=/customers/]").eachText();
    }
}

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
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

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

    /**
     * A list sorted by tier with no search or filter but the owner is read from the tier order
     * alone, kept apart from the customer: a hand-over, a deletion and a new customer show there.
     */
    @Test
    void a_whole_book_by_tier_follows_hand_overs_deletions_and_new_customers() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer first = fixtures.customer(manager, Fixtures.unique("全册甲"));
        Customer second = fixtures.customer(manager, Fixtures.unique("全册乙"));
        Customer third = fixtures.customer(manager, Fixtures.unique("全册丙"));
        recompute.run("TEST", "tester");
        pin(director, third, "A");
        pin(director, second, "B");
        assertThat(wholeBook(manager, "asc", null)).containsExactly(third.getName(), second.getName(), first.getName());
        assertThat(wholeBook(manager, "desc", null)).containsExactly(first.getName(), second.getName(), third.getName());
        assertThat(wholeBook(director, "asc", manager)).as("the director's list of one owner")
                .containsExactly(third.getName(), second.getName(), first.getName());

        mvc.perform(post("/customers/reassign").param("ids", second.getId().toString())
                .param("newOwner", colleague.getId().toString()).param("reason", "区域调整")
                .with(user(Fixtures.principal(director))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(wholeBook(manager, "asc", null)).containsExactly(third.getName(), first.getName());
        assertThat(wholeBook(colleague, "asc", null)).containsExactly(second.getName());
        assertThat(wholeBook(director, "asc", colleague)).containsExactly(second.getName());

        mvc.perform(post("/customers/{id}/delete", third.getId()).with(user(Fixtures.principal(director)))
                .with(csrf())).andExpect(status().is3xxRedirection());
        Customer fourth = fixtures.customer(manager, Fixtures.unique("全册丁"));
        assertThat(wholeBook(manager, "asc", null)).as("deleted gone; not yet classified last")
                .containsExactly(first.getName(), fourth.getName());
        assertThat(names(manager, "全册", "asc")).as("the same with a search, read through the customers")
                .containsExactly(first.getName(), fourth.getName());
    }

    /** More customers than a page: the total under the list is counted, from the tier order where it can. */
    @Test
    void a_book_longer_than_a_page_is_counted_with_and_without_a_tier() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        List<Customer> book = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            book.add(fixtures.customer(manager, Fixtures.unique("计数")));
        }
        recompute.run("TEST", "tester");
        for (Customer customer : book.subList(0, 27)) {
            pin(director, customer, "B");
        }
        assertThat(total(get("/customers").param("sort", "tier"), manager)).isEqualTo("30 customers");
        assertThat(total(get("/customers").param("tier", "B"), manager)).isEqualTo("27 customers");
        assertThat(total(get("/customers").param("tier", "B").param("owner", manager.getId().toString()), director))
                .isEqualTo("27 customers");
        mvc.perform(post("/customers/{id}/delete", book.get(0).getId()).with(user(Fixtures.principal(director)))
                .with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(total(get("/customers").param("tier", "B").param("sort", "tier"), manager))
                .isEqualTo("26 customers");
        assertThat(total(get("/customers").param("sort", "name"), manager)).isEqualTo("29 customers");
        pin(director, book.get(29), "A");
        assertThat(total(get("/customers").param("tier", "A"), manager)).isEqualTo("1 customer");
    }

    private String total(MockHttpServletRequestBuilder request, AppUser who) throws Exception {
        String html = mvc.perform(request.header("Accept-Language", "en").with(user(Fixtures.principal(who))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("p.muted").stream().map(p -> p.text()).filter(t -> t.matches("\\d+ customers?"))
                .findFirst().orElseThrow();
    }

    private List<String> wholeBook(AppUser who, String dir, AppUser owner) throws Exception {
        var request = get("/customers").param("sort", "tier").param("dir", dir).with(user(Fixtures.principal(who)));
        if (owner != null) {
            request.param("owner", owner.getId().toString());
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html).select("table tbody tr td[data-label] a[href^=/customers/]").eachText();
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

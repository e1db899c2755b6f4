package com.keyaccount.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.support.RuleEditor;
import com.keyaccount.crm.support.SalesBook;
import com.keyaccount.crm.tier.TierQueries;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The fourth method, bands by share of customers (issue 16, seed 002), from the rule editor to
 * the customer page. The shared database holds other tests' customers, so the cuts are set from
 * how many customers are ranked: enough for two customers above the first cut's line, three and
 * a half above the second's. Amounts are in hundreds of millions, above whatever else is there.
 */
@FullStackTest
class CustomerShareBandsTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final RuleDrafts drafts;
    private final TierQueries tiers;
    private final SalesBook book;
    private final LocalDate day;
    private AppUser admin;
    private RuleEditor editor;
    private AppUser manager;

    CustomerShareBandsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute,
            RuleDrafts drafts, TierQueries tiers, ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.drafts = drafts;
        this.tiers = tiers;
        this.book = new SalesBook(jdbc, drafts, recompute);
        this.day = LocalDate.now(businessZone).minusDays(20);
    }

    @BeforeEach
    void users() {
        admin = fixtures.user(Role.ADMIN);
        editor = new RuleEditor(mvc, drafts, recompute, admin);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
    }

    @AfterEach
    void restore() throws Exception {
        book.restore(admin);
    }

    @Test
    void customers_are_cut_by_their_number_and_equal_figures_share_a_band() throws Exception {
        Customer p = customer("P");
        Customer q = customer("Q");
        Customer r = customer("R");
        Customer s = customer("S");
        book.line(p, day, "1000000000", null, null);
        book.line(q, day, "500000000", null, null);
        book.line(r, day, "500000000", null, null);
        book.line(s, day, "100000000", null, null);
        Recomputes.awaitIdle(recompute);
        recompute.run("TEST", "test");
        // Pareto: S has more than 95% of the revenue before it
        assertThat(tier(s)).isEqualTo("C");
        int ranked = tiers.tierOf(p.getId()).orElseThrow().getRankedOf();

        long draft = editor.startDraft();
        Document form = editor.page(admin, "/admin/rules/drafts/" + draft, "en");
        assertThat(form.getElementById("shares").select("input").eachAttr("value")).containsExactly("20", "50");
        mvc.perform(editor.save(form, draft, Map.of("method", "CUSTOMER_SHARE", "shareCutPercents[0]", percent(1.5, ranked),
                "shareCutPercents[1]", percent(3.5, ranked)))).andExpect(status().is3xxRedirection());

        Document preview = editor.page(admin, "/admin/rules/drafts/" + draft + "/preview", "en");
        assertThat(preview.getElementById("moves-ups").text()).contains(s.getName(), "C → B");
        assertThat(tier(s)).as("nothing moves before publishing").isEqualTo("C");

        editor.publish(draft);
        assertThat(drafts.rulesInForce().method()).isEqualTo(TierMethod.CUSTOMER_SHARE);
        // one customer above Q and R alike: both under the first cut though R ranks third
        assertThat(Map.of("P", tier(p), "Q", tier(q), "R", tier(r), "S", tier(s)))
                .isEqualTo(Map.of("P", "A", "Q", "A", "R", "A", "S", "B"));
        String share = BigDecimal.valueOf(200).divide(BigDecimal.valueOf(ranked), 1, RoundingMode.HALF_EVEN)
                .toPlainString();
        assertThat(editor.page(manager, "/customers/" + r.getId(), "en").getElementById("tier-why-share").text())
                .startsWith("A — rank 3 of " + String.format(java.util.Locale.ENGLISH, "%,d", ranked) + "; " + share + "% of the customers rank above it; net revenue");
        assertThat(editor.page(admin, "/admin/rules", "zh-CN").select(".rule-summary .shares").text())
                .contains("A 类：前", "B 类：前");
    }

    @Test
    void a_cut_outside_the_book_or_below_the_one_before_is_said_beside_it_and_nothing_is_saved() throws Exception {
        long draft = editor.startDraft();
        Document form = editor.page(admin, "/admin/rules/drafts/" + draft, "en");
        Document answer = Jsoup.parse(mvc.perform(editor.save(form, draft, Map.of("method", "CUSTOMER_SHARE",
                        "shareCutPercents[0]", "0", "shareCutPercents[1]", "abc"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(RuleEditor.errorAfter(answer, "shareCutPercents1")).isEqualTo("Invalid value.");
        assertThat(answer.getElementById("shareCutPercents1").val()).isEqualTo("abc");

        answer = Jsoup.parse(mvc.perform(editor.save(form, draft, Map.of("method", "CUSTOMER_SHARE",
                        "shareCutPercents[0]", "0", "shareCutPercents[1]", "100"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(RuleEditor.errorAfter(answer, "shareCutPercents0")).isEqualTo("Enter a share above 0% and below 100%.");
        assertThat(RuleEditor.errorAfter(answer, "shareCutPercents1")).isEqualTo("Enter a share above 0% and below 100%.");

        answer = Jsoup.parse(mvc.perform(editor.save(form, draft, Map.of("method", "CUSTOMER_SHARE",
                        "shareCutPercents[0]", "60", "shareCutPercents[1]", "40"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(RuleEditor.errorAfter(answer, "shareCutPercents1")).isEqualTo("Each cut must be above the one before it.");
        assertThat(answer.getElementById("shareCutPercents0").val()).isEqualTo("60");
        assertThat(drafts.draft(draft).version()).isZero();
        assertThat(drafts.draft(draft).content().rules().method()).isEqualTo(TierMethod.PARETO);
    }

    private String tier(Customer customer) {
        return jdbc.queryForObject("SELECT effective_tier FROM customer_tier WHERE customer_id = ?", String.class,
                customer.getId());
    }

    /** {@code customers} of {@code ranked} in percent, to four places. */
    private static String percent(double customers, int ranked) {
        return BigDecimal.valueOf(customers * 100).divide(BigDecimal.valueOf(ranked), 4, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private Customer customer(String name) {
        return fixtures.customer(manager, Fixtures.unique(name));
    }
}

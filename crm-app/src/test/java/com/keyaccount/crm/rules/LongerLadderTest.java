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
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A ladder of four tiers (issue 16, seed 002's 重要客户 / 主要客户 / 普通客户 / 小客户), from the rule
 * editor to the customer page, the quotas, the schedule and the migration matrix. The shared
 * database holds other tests' customers, so the cuts are set from how many customers are ranked:
 * half a customer, one and a half, two and a half, so the four written here (in hundreds of
 * millions, above whatever else is there) land one per tier.
 */
@FullStackTest
class LongerLadderTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final RuleDrafts drafts;
    private final TierQueries tiers;
    private RuleEditor editor;
    private final SalesBook book;
    private final LocalDate day;
    private AppUser admin;
    private AppUser manager;

    LongerLadderTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, RuleDrafts drafts,
            TierQueries tiers, ZoneId businessZone) {
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
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        editor = new RuleEditor(mvc, drafts, recompute, admin);
    }

    @AfterEach
    void restore() throws Exception {
        book.restore(admin);
    }

    @Test
    void a_fourth_tier_named_in_the_editor_is_cut_published_and_followed_everywhere() throws Exception {
        Customer p = customer("P");
        Customer q = customer("Q");
        Customer r = customer("R");
        Customer s = customer("S");
        book.line(p, day, "1000000000", null, null);
        book.line(q, day, "800000000", null, null);
        book.line(r, day, "600000000", null, null);
        book.line(s, day, "400000000", null, null);
        Recomputes.awaitIdle(recompute);
        recompute.run("TEST", "test");
        int ranked = tiers.tierOf(p.getId()).orElseThrow().getRankedOf();

        long draft = editor.startDraft();
        Document form = editor.page(admin, "/admin/rules/drafts/" + draft, "en");
        assertThat(form.getElementById("ladder").select("input[name$=nameZh]")).as("room for five tiers").hasSize(5);
        Map<String, String> typed = new LinkedHashMap<>(Map.of("method", "CUSTOMER_SHARE",
                "ladder[0].nameZh", "重要客户", "ladder[0].nameEn", "Key", "ladder[1].nameZh", "主要客户",
                "ladder[1].nameEn", "Major", "ladder[2].nameZh", "普通客户", "ladder[2].nameEn", "Regular",
                "ladder[3].nameZh", "小客户", "ladder[3].nameEn", "Small"));
        typed.put("shareCutPercents[0]", percent(0.5, ranked));
        typed.put("shareCutPercents[1]", percent(1.5, ranked));

        // the fourth tier brings its cut: missing, it is asked for beside the field, the names kept
        Document answer = editor.refused(form, draft, typed);
        assertThat(RuleEditor.errorAfter(answer, "shareCutPercents2"))
                .isEqualTo("The ladder has 4 tiers: fill this in for every tier but the bottom one.");
        assertThat(answer.getElementById("ladder3.nameZh").val()).isEqualTo("小客户");
        assertThat(drafts.draft(draft).version()).as("nothing saved").isZero();

        typed.put("shareCutPercents[2]", percent(2.5, ranked));
        mvc.perform(editor.save(answer, draft, typed)).andExpect(status().is3xxRedirection());
        Document preview = editor.page(admin, "/admin/rules/drafts/" + draft + "/preview", "en");
        assertThat(preview.getElementById("count-D").text()).contains("Small");
        String before = tier(s);
        assertThat(before).as("nothing moves before publishing").isIn("A", "B", "C");

        editor.publish(draft);
        assertThat(Map.of("P", tier(p), "Q", tier(q), "R", tier(r), "S", tier(s)))
                .isEqualTo(Map.of("P", "A", "Q", "B", "R", "C", "S", "D"));
        assertThat(jdbc.queryForObject("SELECT from_tier || '>' || to_tier FROM tier_change WHERE customer_id = ? "
                + "ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", String.class, s.getId())).isEqualTo(before + ">D");
        assertThat(editor.page(manager, "/customers/" + s.getId(), "zh-CN").select(".tier").eachText()).contains("小客户");
        assertThat(editor.page(manager, "/customers/" + s.getId(), "en").select(".tier").eachText()).contains("Small");

        // the quotas have a row for the fourth tier: seed 002's 小客户 every quarter by default
        Document quotas = editor.page(admin, "/admin/quotas", "en");
        assertThat(quotas.text()).contains("Small");
        assertThat(jdbc.queryForObject("SELECT tier || ' ' || interval_days FROM follow_up WHERE customer_id = ?",
                String.class, s.getId())).isEqualTo("D 90");

        // the migration matrix has a row and a column for it
        Document matrix = editor.page(admin, "/dashboard/migrations", "zh-CN");
        assertThat(matrix.getElementById("matrix").select("thead th").eachText()).contains("重要客户", "小客户");

        // the rule summary names each cut by its tier
        assertThat(editor.page(admin, "/admin/rules", "zh-CN").select(".rule-summary .shares").text())
                .contains("重要客户：前", "普通客户：前");

        // back to three tiers: S moves up again, and its history still names the tier it was in
        book.restore(admin);
        assertThat(tier(s)).isIn("A", "B", "C");
        assertThat(editor.page(manager, "/customers/" + s.getId(), "zh-CN").select(".tier-history").text())
                .contains("小客户");
        assertThat(editor.page(manager, "/customers/" + s.getId(), "en").select(".tier-history").text())
                .contains("Small").doesNotContain(" D ");
    }

    @Test
    void pareto_on_four_tiers_asks_for_its_third_cutoff_and_a_gap_in_the_ladder_is_refused() throws Exception {
        long draft = editor.startDraft();
        Document form = editor.page(admin, "/admin/rules/drafts/" + draft, "en");
        Document answer = editor.refused(form, draft, Map.of("ladder[3].nameZh", "小客户", "ladder[3].nameEn", "Small"));
        assertThat(RuleEditor.errorAfter(answer, "lower.cutoffPercents0"))
                .isEqualTo("The ladder has 4 tiers: fill this in for every tier but the bottom one.");

        answer = editor.refused(answer, draft, Map.of("ladder[3].nameZh", "小客户", "ladder[3].nameEn", "Small",
                "lower.cutoffPercents[0]", "95"));
        assertThat(RuleEditor.errorAfter(answer, "lower.cutoffPercents0"))
                .isEqualTo("Each cutoff must be above the one before it.");

        // a fifth tier named with the fourth left blank: the fourth is asked for
        answer = editor.refused(form, draft, Map.of("ladder[4].nameZh", "戊", "ladder[4].nameEn", "Fifth"));
        assertThat(RuleEditor.errorAfter(answer, "ladder3.nameZh")).isEqualTo("Give the tier a name.");
        assertThat(answer.getElementById("ladder4.nameEn").val()).isEqualTo("Fifth");
        assertThat(drafts.draft(draft).version()).isZero();

        mvc.perform(editor.save(answer, draft, Map.of("ladder[4].nameZh", "", "ladder[4].nameEn", "",
                "ladder[3].nameZh", "小客户", "ladder[3].nameEn", "Small", "lower.cutoffPercents[0]", "99")))
                .andExpect(status().is3xxRedirection());
        assertThat(drafts.draft(draft).content().rules().pareto().limits()).extracting(BigDecimal::doubleValue)
                .containsExactly(0.8, 0.95, 0.99);
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

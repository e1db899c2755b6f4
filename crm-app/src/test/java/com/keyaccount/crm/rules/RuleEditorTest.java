package com.keyaccount.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.shared.FiguresChanged;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The admin rule editor: draft, preview on live data, publish, restore.
 *
 * <p>The book: a new manager owns "steady", which has one order of ¥60,000 in the last 12
 * months, paid after 30 days. Under Pareto (the rules in force) it is A as long as it is the
 * only customer with revenue (other tests delete theirs). Under the seed scorecard: ¥60,000 / 12
 * = ¥5,000 a month → 40 points (band ≥ 5,000); 30 days to pay → 30 points (band ≤ 30); 70 is
 * B (60 ≤ 70 < 80). So switching to the scorecard moves steady A → B. The manager's required
 * contacts per 30 days under quotas v1: A every 7 days → floor(30/7) = 4 contacts and every 30
 * days on site → 1 visit; B every 14 → 2 contacts and every 90 on site → 0 visits.
 */
@FullStackTest
class RuleEditorTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final TierPolicyRepository policies;
    private final ZoneId businessZone;
    private final ApplicationEventPublisher events;
    private AppUser admin;
    private Customer steady;
    private AppUser manager;
    private int versionBefore;
    private int churnVersionBefore;

    RuleEditorTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute,
            TierPolicyRepository policies, ZoneId businessZone, ApplicationEventPublisher events) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.policies = policies;
        this.businessZone = businessZone;
        this.events = events;
    }

    @BeforeEach
    void book() throws Exception {
        admin = fixtures.user(Role.ADMIN);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        steady = fixtures.customer(manager, Fixtures.unique("稳定客户"));
        LocalDate day = LocalDate.now(businessZone).minusDays(40);
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, created_at)
                VALUES (?, ?, ?, 60000, ?, ?, CURRENT_TIMESTAMP)""", steady.getId(), Fixtures.unique("SO"), day,
                day.plusDays(30), day.plusDays(30));
        Recomputes.awaitIdle(recompute);
        recompute.run("TEST", "test");
        versionBefore = policies.findTopByOrderByVersionDesc().orElseThrow().getVersion();
        churnVersionBefore = jdbc.queryForObject("SELECT MAX(version) FROM churn_policy", Integer.class);
    }

    @AfterEach
    void leaveTheRulesAsTheyWere() throws Exception {
        // other tests expect Pareto defaults in force, the seed churn thresholds and only their own revenue
        jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", steady.getId());
        jdbc.update("DELETE FROM tier_policy_draft");
        jdbc.update("DELETE FROM tier_policy WHERE effective_from IS NOT NULL");
        jdbc.update("DELETE FROM churn_policy WHERE version > ?", churnVersionBefore);
        if (!"PARETO".equals(jdbc.queryForObject(
                "SELECT method FROM tier_policy WHERE version = (SELECT MAX(version) FROM tier_policy)", String.class))) {
            long draft = startDraft();
            mvc.perform(save(draft, 0, Map.of())).andExpect(status().is3xxRedirection());
            mvc.perform(publish(draft, 1)).andExpect(status().is3xxRedirection());
        }
        Recomputes.awaitIdle(recompute);
        recompute.run("TEST", "test");
    }

    @Test
    void a_new_draft_starts_from_the_rules_in_force() throws Exception {
        Document page = page("/admin/rules/drafts/" + startDraft());
        assertThat(page.getElementById("cutoffAPercent").val()).isEqualTo("80");
        assertThat(page.getElementById("cutoffBPercent").val()).isEqualTo("95");
        assertThat(page.getElementById("windowMonths").val()).isEqualTo("12");
        assertThat(page.getElementById("criteria0.name").val()).isEqualTo("Sales");
        assertThat(page.getElementById("criteria0.bands2.threshold").val()).isEqualTo("5000");
        assertThat(page.getElementById("criteria1.bands0.points").val()).isEqualTo("30");
        assertThat(page.getElementById("revenueDropPercent").val()).isEqualTo("30");
    }

    @Test
    void the_preview_lists_who_would_move_and_the_managers_workload_and_changes_nothing() throws Exception {
        long draft = startDraft();
        mvc.perform(save(draft, 0, Map.of("method", "SCORECARD"))).andExpect(status().is3xxRedirection());

        Document preview = page("/admin/rules/drafts/" + draft + "/preview");

        String downs = preview.getElementById("moves-downs").text();
        assertThat(downs).contains(steady.getName(), "A → B", "70 points", "¥60,000", "30.0");
        assertThat(preview.getElementById("moves-ups").text()).doesNotContain(steady.getName());
        String load = preview.getElementById("manager-load").select("tr").stream()
                .filter(row -> row.text().contains(manager.getDisplayName())).findFirst().orElseThrow().text();
        assertThat(load).contains("4 → 2 (-2)", "1 → 0 (-1)");
        assertThat(policies.findTopByOrderByVersionDesc().orElseThrow().getVersion()).isEqualTo(versionBefore);
        assertThat(tierOf(steady)).containsEntry("effective_tier", "A");

        String csv = mvc.perform(get("/admin/rules/drafts/" + draft + "/movers.csv").with(as(admin))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFCustomer code,Company name,Account manager,Tier now,Tier under the draft,Move,"
                + "Net revenue in the window (CNY)")
                .contains(steady.getCode() + "," + steady.getName() + "," + manager.getDisplayName()
                        + ",A,B,down,60000");
    }

    /**
     * "fading" sold ¥100,000 between 180 and 90 days ago and ¥50,000 in the last 90 days: down
     * 50%, which the 30% threshold in force flags and a 60% draft threshold would not. It has no
     * payments, contacts or downgrades, so no other signal fires for it.
     */
    @Test
    void the_preview_counts_the_churn_warnings_under_the_draft_thresholds() throws Exception {
        Customer fading = fixtures.customer(manager, Fixtures.unique("下滑客户"));
        LocalDate today = LocalDate.now(businessZone);
        for (Object[] order : new Object[][] {{today.minusDays(120), 100000}, {today.minusDays(30), 50000}}) {
            jdbc.update("""
                    INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, created_at)
                    VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""", fading.getId(), Fixtures.unique("SO"), order[0],
                    order[1], order[0]);
        }
        try {
            long draft = startDraft();
            mvc.perform(save(draft, 0, Map.of("revenueDropPercent", "60"))).andExpect(status().is3xxRedirection());

            String churn = page("/admin/rules/drafts/" + draft + "/preview").getElementById("churn-count").text();
            Matcher counts = Pattern
                    .compile("list: ([\\d,]+) now, ([\\d,]+) under").matcher(churn);
            assertThat(counts.find()).as(churn).isTrue();
            long now = Long.parseLong(counts.group(1).replace(",", ""));
            long underDraft = Long.parseLong(counts.group(2).replace(",", ""));
            assertThat(now - underDraft).as(churn).isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", fading.getId());
        }
    }

    /**
     * A draft that changes only the tiers' cutoffs leaves the churn thresholds alone: the list
     * holds the same customers under it, "fading" (down 50% against the 30% in force) among them.
     */
    @Test
    void a_draft_that_leaves_the_churn_thresholds_alone_counts_the_same_warnings_now_and_under_it() throws Exception {
        Customer fading = fixtures.customer(manager, Fixtures.unique("下滑客户"));
        LocalDate today = LocalDate.now(businessZone);
        String before = churnCount(startDraft());
        for (Object[] order : new Object[][] {{today.minusDays(120), 100000}, {today.minusDays(30), 50000}}) {
            jdbc.update("""
                    INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, created_at)
                    VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""", fading.getId(), Fixtures.unique("SO"), order[0],
                    order[1], order[0]);
        }
        // what an import of these lines tells: the dashboard's kept figures are read afresh
        events.publishEvent(new FiguresChanged("test: sales written"));
        try {
            long draft = startDraft();
            mvc.perform(save(draft, 0, Map.of("cutoffAPercent", "70"))).andExpect(status().is3xxRedirection());

            Matcher counts = Pattern.compile("list: ([\\d,]+) now, ([\\d,]+) under").matcher(churnCount(draft));
            assertThat(counts.find()).isTrue();
            long now = Long.parseLong(counts.group(1).replace(",", ""));
            assertThat(Long.parseLong(counts.group(2).replace(",", ""))).isEqualTo(now);
            Matcher earlier = Pattern.compile("list: ([\\d,]+) now").matcher(before);
            assertThat(earlier.find()).as(before).isTrue();
            assertThat(now - Long.parseLong(earlier.group(1).replace(",", ""))).isEqualTo(1);
        } finally {
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", fading.getId());
        }
    }

    private String churnCount(long draft) throws Exception {
        return page("/admin/rules/drafts/" + draft + "/preview").getElementById("churn-count").text();
    }

    /** The preview names the tiers as every other page does (A 类), never by their bare code. */
    @Test
    void the_preview_names_the_tiers_as_the_other_pages_do() throws Exception {
        long draft = startDraft();
        mvc.perform(save(draft, 0, Map.of("method", "SCORECARD"))).andExpect(status().is3xxRedirection());

        Document preview = page("/admin/rules/drafts/" + draft + "/preview", "zh-CN");

        assertThat(preview.getElementById("count-A").child(0).text()).isEqualTo("A 类");
        assertThat(preview.getElementById("count-C").child(0).text()).isEqualTo("C 类");
        assertThat(preview.getElementById("moves-downs").text()).contains(steady.getName(), "A 类 → B 类");
    }

    /**
     * What the seed stored in English (the first versions' note "SPEC defaults", the scorecard's
     * criteria "sales" and "payment") reads in the reader's language, and is stored unchanged when
     * a draft is saved as the editor showed it.
     */
    @Test
    void the_seed_note_and_criteria_read_in_the_readers_language_and_stay_stored_as_they_were() throws Exception {
        Document overview = page("/admin/rules", "zh-CN");
        assertThat(overview.getElementById("versions").text()).contains("需求规格中的默认规则")
                .doesNotContain("SPEC defaults");
        assertThat(overview.getElementById("in-force").select("ul").text()).contains("销售额", "回款")
                .doesNotContain("sales", "payment");
        Document first = page("/admin/rules/versions/1", "en");
        assertThat(first.text()).contains("The default rules of the specification").doesNotContain("SPEC defaults");
        assertThat(first.select("dl.rule-summary ul").text()).contains("Sales (", "Payment (")
                .doesNotContain("sales (", "payment (");
        assertThat(page("/admin/quotas", "zh-CN").text()).contains("需求规格中的默认规则").doesNotContain("SPEC defaults");

        long draft = startDraft();
        Document editor = page("/admin/rules/drafts/" + draft, "zh-CN");
        assertThat(editor.getElementById("criteria0.name").val()).isEqualTo("销售额");
        assertThat(editor.getElementById("criteria1.name").val()).isEqualTo("回款");
        mvc.perform(save(draft, 0, Map.of("method", "SCORECARD", "criteria[0].name", "销售额",
                "criteria[1].name", "回款"))).andExpect(status().is3xxRedirection());
        assertThat(page("/admin/rules/drafts/" + draft + "/preview", "zh-CN").getElementById("compare").text())
                .doesNotContain("sales", "payment");
        mvc.perform(publish(draft, 1)).andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);

        assertThat(jdbc.queryForObject("SELECT scorecard FROM tier_policy WHERE version = ?", String.class,
                versionBefore + 1)).contains("\"name\":\"sales\"", "\"name\":\"payment\"");
        assertThat(jdbc.queryForList("SELECT field FROM audit_event WHERE entity_type = 'TierPolicy' AND actor = ? "
                + "AND field IS NOT NULL", String.class, admin.getUsername())).as("the scorecard is the seed's")
                .contains("method").doesNotContain("scorecard");
        assertThat(page("/customers/" + steady.getId(), "zh-CN").getElementById("tier").text())
                .contains("销售额 40 + 回款 30").doesNotContain("sales", "payment");
    }

    @Test
    void publishing_makes_the_next_version_recomputes_and_is_audited() throws Exception {
        long draft = startDraft();
        mvc.perform(save(draft, 0, Map.of("method", "SCORECARD", "revenueDropPercent", "40")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(publish(draft, 1)).andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);

        assertThat(policies.findTopByOrderByVersionDesc().orElseThrow().getVersion()).isEqualTo(versionBefore + 1);
        assertThat(tierOf(steady)).containsEntry("effective_tier", "B").containsEntry("score", 70)
                .containsEntry("policy_version", versionBefore + 1);
        // a scorecard ranks nobody: the page explains the score, and no Pareto ranking is left behind
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tier_ranking", Integer.class)).isZero();
        assertThat(page("/customers/" + steady.getId()).text()).contains("B \u2014 70 points", "(policy v" + (versionBefore + 1))
                .doesNotContain("of net revenue before it");
        assertThat(jdbc.queryForObject("SELECT revenue_drop_percent FROM churn_policy WHERE version = ?",
                Integer.class, churnVersionBefore + 1)).isEqualTo(40);
        List<Map<String, Object>> audit = jdbc.queryForList("""
                SELECT field, old_value, new_value FROM audit_event WHERE entity_type = 'TierPolicy' AND actor = ?
                AND field IS NOT NULL ORDER BY field""", admin.getUsername());
        assertThat(audit).extracting(row -> row.get("field") + ": " + row.get("old_value") + " -> " + row.get("new_value"))
                .contains("method: PARETO -> SCORECARD")
                .anyMatch(line -> line.startsWith("churnThresholds: revenue -30%") && line.contains("-> revenue -40%"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tier_policy_draft WHERE id = ?", Integer.class, draft))
                .isZero();
    }

    @Test
    void a_scorecard_on_potential_makes_a_high_potential_customer_without_sales_a_key_account() throws Exception {
        Customer promising = fixtures.customer(manager, Fixtures.unique("高潜力"));
        mvc.perform(post("/customers/{id}/potential", promising.getId()).param("potential", "9")
                .param("adoption", "NOT_USING").with(as(manager)).with(csrf())).andExpect(status().is3xxRedirection());
        long draft = startDraft();
        // potential 8+ scores 60 (seed 003: an A target grade from 8), payment without history 20: 80 = A
        Map<String, String> changed = new LinkedHashMap<>(Map.of("method", "SCORECARD", "criteria[0].name", "潜力",
                "criteria[0].metric", "POTENTIAL", "criteria[0].bands[0].threshold", "8",
                "criteria[0].bands[0].points", "60", "criteria[0].bands[1].threshold", "4",
                "criteria[0].bands[1].points", "40", "criteria[0].bands[2].threshold", "1",
                "criteria[0].bands[2].points", "10", "criteria[0].pointsWithoutData", "0"));
        mvc.perform(save(draft, 0, changed)).andExpect(status().is3xxRedirection());
        mvc.perform(publish(draft, 1)).andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);

        assertThat(tierOf(promising)).containsEntry("effective_tier", "A").containsEntry("score", 80);
        assertThat(page("/customers/" + promising.getId(), "zh-CN").getElementById("tier").text())
                .contains("潜力 60 + 回款 20");
    }

    @Test
    void a_scorecard_on_growth_compares_the_window_with_the_same_window_a_year_earlier() throws Exception {
        // steady: 60,000 forty days ago, 40,000 a year before that: +50%
        LocalDate lastYear = LocalDate.now(businessZone).minusDays(40).minusYears(1);
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, ?, ?, 40000, CURRENT_TIMESTAMP)""", steady.getId(), Fixtures.unique("SO"), lastYear);
        Customer newcomer = fixtures.customer(manager, Fixtures.unique("新客户"));
        long draft = startDraft();
        // growth 30%+ scores 60, 10%+ 50, 0%+ 40, a decline 10, no revenue last year 0; payment as the seed's
        Map<String, String> changed = new LinkedHashMap<>(Map.of("method", "SCORECARD", "criteria[0].name", "同比增长",
                "criteria[0].metric", "REVENUE_GROWTH", "criteria[0].bands[0].threshold", "30",
                "criteria[0].bands[0].points", "60", "criteria[0].bands[1].threshold", "10",
                "criteria[0].bands[1].points", "50", "criteria[0].bands[2].threshold", "0",
                "criteria[0].bands[2].points", "40", "criteria[0].otherwisePoints", "10"));
        changed.put("criteria[0].pointsWithoutData", "0");
        mvc.perform(save(draft, 0, changed)).andExpect(status().is3xxRedirection());
        mvc.perform(publish(draft, 1)).andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);

        // 60 + 30 (paid in 30 days) = 90: A; the newcomer 0 + 20 (no payment history) = 20: C
        assertThat(tierOf(steady)).containsEntry("effective_tier", "A").containsEntry("score", 90);
        assertThat(tierOf(newcomer)).containsEntry("effective_tier", "C").containsEntry("score", 20);
        assertThat(page("/customers/" + steady.getId(), "zh-CN").getElementById("tier").text())
                .contains("同比增长 60 + 回款 30");
    }

    @Test
    void a_new_version_that_moves_nobody_still_names_itself_in_every_explanation() throws Exception {
        Customer idle = fixtures.customer(manager, Fixtures.unique("无订单"));
        recompute.run("TEST", "test");
        long draft = startDraft();
        mvc.perform(save(draft, 0, Map.of("note", "same rules, new note"))).andExpect(status().is3xxRedirection());
        mvc.perform(publish(draft, 1)).andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);

        // same rules, same figures, same ranking: still every row now names the new version
        assertThat(tierOf(steady)).containsEntry("effective_tier", "A").containsEntry("policy_version", versionBefore + 1);
        assertThat(tierOf(idle)).containsEntry("effective_tier", "C").containsEntry("policy_version", versionBefore + 1);
        // (a deleted customer keeps the tier it last had: no version recomputes it)
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM customer_tier t JOIN customer c ON c.id = t.customer_id
                WHERE c.deleted = FALSE AND t.policy_version <> ?""", Integer.class, versionBefore + 1)).isZero();
        assertThat(page("/customers/" + steady.getId()).text()).containsPattern(
                "A \u2014 rank \\d+ of [\\d,]+; [\\d.]+% of net revenue before it; .*\\(policy v" + (versionBefore + 1) + ",");
    }

    @Test
    void an_older_version_comes_back_as_a_draft() throws Exception {
        long draft = startDraft();
        mvc.perform(save(draft, 0, Map.of("method", "HARD_RULES"))).andExpect(status().is3xxRedirection());
        mvc.perform(publish(draft, 1)).andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);

        String location = mvc.perform(post("/admin/rules/versions/" + versionBefore + "/restore").with(as(admin))
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document restored = page(location);
        assertThat(restored.getElementById("method").select("option[selected]").val()).isEqualTo("PARETO");
        assertThat(page("/admin/rules/versions/" + (versionBefore + 1)).text()).contains("Hard rules");
    }

    @Test
    void a_version_with_a_later_date_waits_for_it() throws Exception {
        LocalDate later = LocalDate.now(businessZone).plusDays(10);
        long draft = startDraft();
        mvc.perform(save(draft, 0, Map.of("method", "SCORECARD", "effectiveFrom", later.toString())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(publish(draft, 1)).andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);
        recompute.run("TEST", "test");

        assertThat(tierOf(steady)).containsEntry("effective_tier", "A").containsEntry("policy_version", versionBefore);
        assertThat(page("/admin/rules").getElementById("waiting-version").text())
                .contains("v" + (versionBefore + 1));
    }

    @Test
    void rules_that_contradict_each_other_are_refused_beside_the_field_and_keep_what_was_typed() throws Exception {
        long draft = startDraft();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("cutoffAPercent", "95");
        typed.put("cutoffBPercent", "80");
        typed.put("minimumForB", "85");
        typed.put("criteria[0].bands[1].threshold", "30000");
        typed.put("criteria[2].bands[0].points", "5");
        typed.put("effectiveFrom", LocalDate.now(businessZone).minusDays(1).toString());
        Document page = Jsoup.parse(mvc.perform(save(draft, 0, typed)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(errorAfter(page, "cutoffAPercent")).isEqualTo("Each cutoff must be above the one before it.");
        assertThat(errorAfter(page, "minimumForB")).isEqualTo("Each tier's minimum points must be below those of the tier above it.");
        assertThat(errorAfter(page, "criteria0.bands1.threshold"))
                .isEqualTo("Thresholds must go down from band to band when higher is better.");
        assertThat(errorAfter(page, "criteria2.name")).isEqualTo("Give this criterion a name, or clear its bands.");
        assertThat(errorAfter(page, "effectiveFrom")).contains("cannot be in the past");
        assertThat(page.getElementById("cutoffAPercent").val()).isEqualTo("95");
        assertThat(page.getElementById("criteria0.bands1.threshold").val()).isEqualTo("30000");
        assertThat(jdbc.queryForObject("SELECT version FROM tier_policy_draft WHERE id = ?", Long.class, draft))
                .isZero();
    }

    @Test
    void saving_over_someone_elses_save_is_refused() throws Exception {
        long draft = startDraft();
        mvc.perform(save(draft, 0, Map.of("note", "first"))).andExpect(status().is3xxRedirection());
        String page = mvc.perform(save(draft, 0, Map.of("note", "second"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Someone saved, published or discarded this draft since you opened it.");
        assertThat(jdbc.queryForObject("SELECT note FROM tier_policy_draft WHERE id = ?", String.class, draft))
                .isEqualTo("first");
    }

    @Test
    void a_row_number_past_the_editors_rows_is_refused_and_the_draft_still_saves() throws Exception {
        long draft = startDraft();
        for (String field : List.of("criteria[5000].name", "criteria[255].name", "criteria[0].bands[5].points",
                "criteria[3].bands[255].threshold", "criteria[99999999999].name", "criteria[x].name",
                "criteria[-1].name", "criteria[0].bands[2147483647].points")) {
            assertThat(mvc.perform(save(draft, 0, Map.of(field, "9"))).andReturn().getResponse().getStatus())
                    .as(field).isEqualTo(400);
        }
        // one criterion more than the editor shows: said beside the form, nothing saved
        String page = mvc.perform(save(draft, 0, Map.of("criteria[4].name", "extra"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("At most 4 scorecard criteria.");
        assertThat(jdbc.queryForObject("SELECT version FROM tier_policy_draft WHERE id = ?", Long.class, draft))
                .isZero();

        mvc.perform(save(draft, 0, Map.of("note", "after"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT note FROM tier_policy_draft WHERE id = ?", String.class, draft))
                .isEqualTo("after");
    }

    @Test
    void a_nul_in_the_note_or_a_criterion_name_is_refused_beside_the_field() throws Exception {
        long draft = startDraft();
        Document page = Jsoup.parse(mvc.perform(save(draft, 0, Map.of("note", "说明\u0000",
                "criteria[0].name", "sa\u0007les"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(errorAfter(page, "note")).startsWith("Contains a control character");
        assertThat(errorAfter(page, "criteria0.name")).startsWith("Contains a control character");
        assertThat(jdbc.queryForObject("SELECT version FROM tier_policy_draft WHERE id = ?", Long.class, draft))
                .isZero();
    }

    @Test
    void only_admins_reach_the_editor() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        mvc.perform(post("/admin/rules/drafts").with(as(director)).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tier_policy_draft", Integer.class)).isZero();
    }

    private static String errorAfter(Document page, String fieldId) {
        return page.getElementById(fieldId).parent().select("p.field-error").stream()
                .filter(p -> p.elementSiblingIndex() > page.getElementById(fieldId).elementSiblingIndex())
                .findFirst().orElseThrow().text();
    }

    private Map<String, Object> tierOf(Customer customer) {
        return jdbc.queryForMap("SELECT effective_tier, score, policy_version FROM customer_tier WHERE customer_id = ?",
                customer.getId());
    }

    private long startDraft() throws Exception {
        String location = mvc.perform(post("/admin/rules/drafts").with(as(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Document page(String path) throws Exception {
        return page(path, "en");
    }

    private Document page(String path, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(as(admin)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private MockHttpServletRequestBuilder publish(long draft, long draftVersion) {
        return post("/admin/rules/drafts/" + draft + "/publish").with(as(admin)).with(csrf())
                .param("draftVersion", Long.toString(draftVersion));
    }

    /** The seed rules (SPEC defaults) as the form posts them, with some fields changed. */
    private MockHttpServletRequestBuilder save(long draft, long draftVersion, Map<String, String> changed) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("draftVersion", Long.toString(draftVersion));
        form.put("method", "PARETO");
        form.put("windowMonths", "12");
        form.put("cutoffAPercent", "80");
        form.put("cutoffBPercent", "95");
        criterion(form, 0, "sales", "MONTHLY_AVERAGE_SALES", true, new String[][] {{"20000", "70"}, {"10000", "50"},
            {"5000", "40"}}, "30", "30");
        criterion(form, 1, "payment", "AVERAGE_DAYS_TO_PAY", false, new String[][] {{"30", "30"}, {"45", "20"},
            {"60", "10"}}, "0", "20");
        form.put("minimumForA", "80");
        form.put("minimumForB", "60");
        form.put("hardOrdersA", "5");
        form.put("hardRevenueA", "100000");
        form.put("hardOrdersB", "3");
        form.put("hardRevenueB", "10000");
        form.put("revenueDropPercent", "30");
        form.put("daysToPayIncrease", "15");
        form.put("silenceFactor", "2");
        form.put("downgradeWithinDays", "90");
        form.put("effectiveFrom", "");
        form.put("note", "test");
        form.putAll(changed);
        MockHttpServletRequestBuilder request = post("/admin/rules/drafts/" + draft).with(as(admin)).with(csrf())
                .header("Accept-Language", "en");
        form.forEach(request::param);
        return request;
    }

    private static void criterion(Map<String, String> form, int i, String name, String metric, boolean higher,
            String[][] bands, String otherwise, String withoutData) {
        String p = "criteria[" + i + "].";
        form.put(p + "name", name);
        form.put(p + "metric", metric);
        form.put(p + "higherIsBetter", Boolean.toString(higher));
        for (int j = 0; j < bands.length; j++) {
            form.put(p + "bands[" + j + "].threshold", bands[j][0]);
            form.put(p + "bands[" + j + "].points", bands[j][1]);
        }
        form.put(p + "otherwisePoints", otherwise);
        form.put(p + "pointsWithoutData", withoutData);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(AppUser who) {
        return user(Fixtures.principal(who));
    }
}

package com.keyaccount.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.support.RuleEditor;
import com.keyaccount.crm.support.SalesBook;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.TierLadder;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The company names its tiers (issue 16, seed 002's 重要客户 / 主要客户 / 普通客户) in the rule
 * editor; once published, every page and export calls them so, and the history keeps its codes.
 */
@FullStackTest
class TierNamesTest {

    private static final Map<String, String> SEED_002 = Map.of(
            "ladder[0].nameZh", "重要客户", "ladder[0].nameEn", "Key",
            "ladder[1].nameZh", "主要客户", "ladder[1].nameEn", "Major",
            "ladder[2].nameZh", "普通客户", "ladder[2].nameEn", "Regular");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final RuleDrafts drafts;
    private final SalesBook book;
    private final LocalDate today;
    private AppUser admin;
    private RuleEditor editor;
    private AppUser manager;
    private Customer customer;

    TierNamesTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, RuleDrafts drafts,
            ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.drafts = drafts;
        this.book = new SalesBook(jdbc, drafts, recompute);
        this.today = LocalDate.now(businessZone);
    }

    @BeforeEach
    void aCustomerInTheLowestTier() throws Exception {
        admin = fixtures.user(Role.ADMIN);
        editor = new RuleEditor(mvc, drafts, recompute, admin);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer = fixtures.customer(manager, Fixtures.unique("命名客户"));
        Recomputes.awaitIdle(recompute);
        // no sales: Pareto puts the customer in C
        recompute.run("TEST", "test");
    }

    @AfterEach
    void restore() throws Exception {
        jdbc.update("DELETE FROM tier_policy WHERE effective_from > ?", today);
        book.restore(admin);
    }

    @Test
    void the_admin_names_the_tiers_and_pages_exports_and_the_audit_log_say_those_names() throws Exception {
        assertThat(editor.page(manager, "/customers/" + customer.getId(), "zh-CN").getElementById("tier").text())
                .contains("C 类");
        long draft = editor.startDraft();
        Document form = editor.page(admin, "/admin/rules/drafts/" + draft, "zh-CN");
        assertThat(form.getElementById("ladder").select("input[name$=.nameZh]").eachAttr("value"))
                .as("three tiers named, room for two more").containsExactly("A 类", "B 类", "C 类", "", "");

        mvc.perform(editor.save(form, draft, SEED_002)).andExpect(status().is3xxRedirection());
        assertThat(editor.page(admin, "/admin/rules/drafts/" + draft + "/preview", "en").getElementById("count-C").text())
                .as("the preview names the tier as now and as once published").contains("C", "→ Regular once published");
        editor.publish(draft);

        Document detail = editor.page(manager, "/customers/" + customer.getId(), "zh-CN");
        assertThat(detail.select("h1 ~ * .badge.tier, .badge.tier").first().text()).isEqualTo("普通客户");
        assertThat(detail.getElementById("tier").text()).contains("普通客户").doesNotContain("C 类");
        assertThat(editor.page(manager, "/customers/" + customer.getId(), "en").select(".badge.tier").first().text())
                .isEqualTo("Regular");
        assertThat(editor.page(manager, "/customers?q=" + customer.getCode(), "zh-CN").select(".badge.tier").eachText())
                .containsExactly("普通客户");
        assertThat(editor.page(manager, "/customers", "en").getElementById("tier").select("option").eachText())
                .contains("Key", "Major", "Regular");

        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        assertThat(editor.page(director, "/dashboard", "en").getElementById("kpi-a-share").text()).contains("Key share",
                " Key customers");
        assertThat(editor.page(admin, "/admin/quotas", "zh-CN").select("td").eachText()).contains("重要客户", "主要客户",
                "普通客户").doesNotContain("A 类", "C 类");

        CSVRecord exported = csv(download("/exports/tiers.csv", "en")).stream()
                .filter(r -> r.get("Customer code").equals(customer.getCode())).findFirst().orElseThrow();
        assertThat(exported.get("Tier")).isEqualTo("Regular");
        // the tier is stored as its code: renaming moved nobody
        assertThat(jdbc.queryForObject("SELECT effective_tier FROM customer_tier WHERE customer_id = ?",
                String.class, customer.getId())).isEqualTo("C");

        assertThat(editor.page(admin, "/admin/rules", "zh-CN").select(".rule-summary .ladder").text())
                .isEqualTo("A 重要客户 / Key; B 主要客户 / Major; C 普通客户 / Regular");
        String log = editor.page(admin, "/audit?entityType=TierPolicy&actor=" + admin.getUsername(), "zh-CN")
                .getElementById("audit").select("tr").stream().map(r -> r.text()).filter(r -> r.contains("级别名称"))
                .findFirst().orElseThrow();
        assertThat(log).contains("A A 类 / A; B B 类 / B; C C 类 / C", "A 重要客户 / Key; B 主要客户 / Major");
    }

    @Test
    void a_name_left_blank_too_long_or_taken_is_said_beside_its_field_and_nothing_is_saved() throws Exception {
        long draft = editor.startDraft();
        Document form = editor.page(admin, "/admin/rules/drafts/" + draft, "en");
        Map<String, String> wrong = new LinkedHashMap<>(SEED_002);
        wrong.put("ladder[0].nameEn", "  ");
        wrong.put("ladder[1].nameZh", "重要客户");
        wrong.put("ladder[2].nameEn", "Customers who buy now and then");
        Document answer = Jsoup.parse(mvc.perform(editor.save(form, draft, wrong)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());

        assertThat(RuleEditor.errorAfter(answer, "ladder0.nameEn")).isEqualTo("Give the tier a name.");
        assertThat(RuleEditor.errorAfter(answer, "ladder1.nameZh")).isEqualTo("Another tier already has this name.");
        assertThat(RuleEditor.errorAfter(answer, "ladder2.nameEn")).isEqualTo("At most 16 characters: the name is shown as a badge.");
        assertThat(answer.getElementById("ladder2.nameEn").val()).isEqualTo("Customers who buy now and then");
        assertThat(answer.getElementById("ladder0.nameZh").val()).isEqualTo("重要客户");
        assertThat(drafts.draft(draft).content().rules().ladder()).isEqualTo(TierLadder.DEFAULT);
        assertThat(drafts.draft(draft).version()).isZero();
    }

    @Test
    void names_published_for_a_later_day_wait_for_that_day() throws Exception {
        long draft = editor.startDraft();
        Document form = editor.page(admin, "/admin/rules/drafts/" + draft, "zh-CN");
        Map<String, String> later = new LinkedHashMap<>(SEED_002);
        later.put("effectiveFrom", today.plusDays(7).toString());
        mvc.perform(editor.save(form, draft, later)).andExpect(status().is3xxRedirection());
        editor.publish(draft);

        assertThat(editor.page(manager, "/customers/" + customer.getId(), "zh-CN").select(".badge.tier").first().text())
                .isEqualTo("C 类");
    }

    private byte[] download(String path, String language) throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        return mvc.perform(get(path).with(user(Fixtures.principal(director))).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        String text = new String(body, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}

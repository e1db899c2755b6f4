package com.keyaccount.crm.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SalesBook;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.time.LocalDate;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The rule editor's measure, scope and quota product line (issue 15): chosen beside the other
 * rules, checked beside their fields, and previewed before anything is published. Amounts are
 * in hundreds of millions, so that what other tests leave in the shared database moves no share
 * across a cutoff.
 */
@FullStackTest
class RuleBasisEditorTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final TierPolicyRepository policies;
    private final SalesBook book;
    private final LocalDate today;
    private final LocalDate day;
    private AppUser admin;
    private AppUser manager;

    RuleBasisEditorTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute,
            RuleDrafts drafts, TierPolicyRepository policies, ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.policies = policies;
        this.book = new SalesBook(jdbc, drafts, recompute);
        this.today = LocalDate.now(businessZone);
        this.day = today.minusDays(15);
    }

    @BeforeEach
    void users() {
        admin = fixtures.user(Role.ADMIN);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
    }

    @AfterEach
    void restore() throws Exception {
        book.restore(admin);
    }

    @Test
    void a_wrong_choice_is_said_beside_its_field_and_what_was_chosen_stays() throws Exception {
        long draft = startDraft();
        Document page = Jsoup.parse(mvc.perform(save(draft, Map.of("measure", "GROSS_MARGIN", "scope", "PRODUCT_LINE",
                "quotaProductLineId", "987654321"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(errorAfter(page, "quotaProductLineId")).isEqualTo("This product line does not exist.");
        assertThat(page.getElementById("measure").select("option[selected]").val()).isEqualTo("GROSS_MARGIN");
        assertThat(page.getElementById("scope").select("option[selected]").val()).isEqualTo("PRODUCT_LINE");

        page = Jsoup.parse(mvc.perform(save(draft, Map.of("measure", "PROFIT", "scope", "")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(errorAfter(page, "measure")).isEqualTo("Invalid value.");
        assertThat(errorAfter(page, "scope")).isEqualTo("Required.");
        assertThat(jdbc.queryForObject("SELECT version FROM tier_policy_draft WHERE id = ?", Long.class, draft))
                .isZero();

        // over the whole book there is no line to follow: the choice is dropped, as the editor says
        long line = book.productLine("家电");
        mvc.perform(save(draft, Map.of("scope", "BOOK", "quotaProductLineId", Long.toString(line))))
                .andExpect(status().is3xxRedirection());
        Document saved = page("/admin/rules/drafts/" + draft);
        assertThat(saved.getElementById("quotaProductLineId").select("option[selected]").val()).isEmpty();
        assertThat(saved.getElementById("quota-hint").text()).isEqualTo(
                "Only used with one tier per product line. A customer without sales on the chosen line is C.");
    }

    /** On margin the thin-margin giant P would go A → B and S, without margins, B → C (see TierMeasureTest). */
    @Test
    void the_preview_shows_who_a_new_measure_would_move_before_anything_is_published() throws Exception {
        Customer p = customer("P-薄利");
        Customer s = customer("S-无毛利");
        book.line(p, day, "1000000000", null, "5000");
        book.line(customer("Q"), day, "600000000", null, "30000");
        book.line(customer("R"), day, "400000000", null, "15000");
        book.line(s, day, "200000000", null, null);
        recompute.run("TEST", "test");
        int version = policies.findTopByOrderByVersionDesc().orElseThrow().getVersion();

        long draft = startDraft();
        mvc.perform(save(draft, Map.of("measure", "GROSS_MARGIN"))).andExpect(status().is3xxRedirection());
        Document preview = page("/admin/rules/drafts/" + draft + "/preview");

        assertThat(preview.getElementById("moves-downs").text()).contains(p.getName(), "A → B", s.getName(), "B → C",
                "Gross margin", "5,000.00", "not sent");
        assertThat(preview.getElementById("moves-ups").text()).contains("None.");
        assertThat(preview.select("#compare .measure").eachText()).containsExactly("net revenue", "gross margin");
        assertThat(preview.getElementById("line-counts")).isNull();
        assertThat(policies.findTopByOrderByVersionDesc().orElseThrow().getVersion()).isEqualTo(version);
        assertThat(jdbc.queryForObject("SELECT effective_tier FROM customer_tier WHERE customer_id = ?", String.class,
                p.getId())).isEqualTo("A");
    }

    /**
     * Per product line: 家电 has X 500 and Y 100 million (A, B), 建材 Z 990 and X 10 million (A, C);
     * W's 50 million has no line. Now everyone is ranked over the whole book (total 1,650 million):
     * Z 0, X .6, Y .909, W .970 → A, A, B, C. Per line: X A (best), Z A, Y B, W C: none of them
     * moves, and the preview shows each line's counts and what is left out (W's sale, and any
     * other test's, which have no product line).
     */
    @Test
    void the_preview_of_tiers_per_product_line_shows_each_lines_counts_and_what_no_line_leaves_out()
            throws Exception {
        long appliances = book.productLine("家电");
        long materials = book.productLine("建材");
        Customer x = customer("X");
        Customer y = customer("Y");
        Customer z = customer("Z");
        Customer w = customer("W");
        book.line(x, day, "500000000", appliances, null);
        book.line(x, day, "10000000", materials, null);
        book.line(y, day, "100000000", appliances, null);
        book.line(z, day, "990000000", materials, null);
        book.line(w, day, "50000000", null, null);
        recompute.run("TEST", "test");
        // what the preview says of them: the sale lines, and their net revenue (credit notes other tests
        // left in the window subtracted)
        Map<String, Object> withoutLine = jdbc.queryForMap("""
                SELECT count(CASE WHEN amount > 0 THEN 1 END) AS orders, sum(amount) AS revenue FROM sales_order
                WHERE product_line_id IS NULL AND order_date > ? AND order_date <= ?""",
                today.minusMonths(12), today);

        long draft = startDraft();
        mvc.perform(save(draft, Map.of("scope", "PRODUCT_LINE"))).andExpect(status().is3xxRedirection());
        Document preview = page("/admin/rules/drafts/" + draft + "/preview");

        assertThat(preview.getElementById("line-" + appliances).text()).isEqualTo("家电 0 → 1 0 → 1 0 → 0");
        assertThat(preview.getElementById("line-" + materials).text()).isEqualTo("建材 0 → 1 0 → 0 0 → 1");
        String orders = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(withoutLine.get("orders"));
        String revenue = NumberFormat.getNumberInstance(Locale.ENGLISH).format(withoutLine.get("revenue"));
        assertThat(preview.getElementById("without-line").text()).contains(orders + " sale line", revenue,
                "in the window", "no product line: they count on no line.");
        assertThat(preview.select("#moves-ups, #moves-downs").text())
                .doesNotContain(x.getName(), y.getName(), z.getName(), w.getName());
        assertThat(preview.select("#compare .scope").eachText()).containsExactly("the whole book (one tier per customer)",
                "each product line (one tier per customer and line) \u2014 visit quotas follow the best line tier");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_line_tier", Integer.class)).isZero();
    }

    /**
     * The audit log names the product line visit quotas follow as the pages do (its name), and
     * "the best line tier" in words: never the line's code or id, nor the stored English.
     */
    @Test
    void the_audit_log_names_the_product_line_visit_quotas_follow() throws Exception {
        String name = Fixtures.unique("家电");
        long line = book.productLine(name);
        String code = jdbc.queryForObject("SELECT code FROM product_line WHERE id = ?", String.class, line);
        book.publish(admin, rules -> rules.rankedBy(rules.measure(), Scope.PRODUCT_LINE, line));
        book.restore(admin);

        for (String language : new String[] {"zh-CN", "en"}) {
            Document log = Jsoup.parse(mvc.perform(get("/audit").param("actor", admin.getUsername())
                            .param("entityType", "TierPolicy").with(user(Fixtures.principal(admin)))
                            .header("Accept-Language", language))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            String changes = log.getElementById("audit").select("tr").stream().map(row -> row.text())
                    .filter(row -> row.contains(language.equals("en") ? "Visit quotas follow" : "拜访频率依据"))
                    .reduce("", (all, row) -> all + row + "\n");
            assertThat(changes).as(language).contains(name, language.equals("en")
                    ? "the best of the customer line tiers" : "客户各产品线级别中最高者")
                    .doesNotContain(code, "#" + line, "best line tier");
        }
    }

    /** A draft saved by the version before measures existed: its JSON has none of the new fields. */
    @Test
    void a_draft_saved_before_measures_existed_opens_on_net_revenue_over_the_whole_book() throws Exception {
        int version = policies.findTopByOrderByVersionDesc().orElseThrow().getVersion();
        jdbc.update("""
                INSERT INTO tier_policy_draft (based_on_version, rules, note, created_by, created_at, updated_by,
                    updated_at, version) VALUES (?, ?, 'old', 'someone', CURRENT_TIMESTAMP, 'someone',
                    CURRENT_TIMESTAMP, 3)""", version, """
                {"method":"HARD_RULES","windowMonths":6,"pareto":{"a":0.7,"b":0.9},
                 "scorecard":{"criteria":[{"name":"sales","metric":"MONTHLY_AVERAGE_SALES","higherIsBetter":true,
                   "bands":[{"threshold":20000,"points":70}],"otherwisePoints":30,"pointsWithoutData":30}],
                   "minimumForA":70,"minimumForB":40},
                 "hardRules":{"ordersForA":5,"revenueForA":100000,"ordersForB":3,"revenueForB":10000},
                 "churn":{"revenueDropPercent":30,"daysToPayIncrease":15,"silenceFactor":2,"downgradeWithinDays":90}}""");
        long draft = jdbc.queryForObject("SELECT MAX(id) FROM tier_policy_draft", Long.class);

        Document editor = page("/admin/rules/drafts/" + draft);
        assertThat(editor.getElementById("method").select("option[selected]").val()).isEqualTo("HARD_RULES");
        assertThat(editor.getElementById("windowMonths").val()).isEqualTo("6");
        assertThat(editor.getElementById("measure").select("option[selected]").val()).isEqualTo("NET_REVENUE");
        assertThat(editor.getElementById("scope").select("option[selected]").val()).isEqualTo("BOOK");
        assertThat(page("/admin/rules/drafts/" + draft + "/preview").select("#compare .measure").eachText())
                .containsExactly("net revenue", "net revenue");
    }

    private Customer customer(String name) {
        return fixtures.customer(manager, Fixtures.unique(name));
    }

    private static String errorAfter(Document page, String fieldId) {
        return page.getElementById(fieldId).parent().select("p.field-error").stream()
                .filter(p -> p.elementSiblingIndex() > page.getElementById(fieldId).elementSiblingIndex())
                .findFirst().orElseThrow().text();
    }

    private long startDraft() throws Exception {
        String location = mvc.perform(post("/admin/rules/drafts").with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(Fixtures.principal(admin))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** The seed rules (SPEC defaults) as the form posts them on a new draft, with some fields changed. */
    private MockHttpServletRequestBuilder save(long draft, Map<String, String> changed) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("draftVersion", "0");
        form.put("method", "PARETO");
        form.put("measure", "NET_REVENUE");
        form.put("scope", "BOOK");
        form.put("quotaProductLineId", "");
        form.put("windowMonths", "12");
        form.put("cutoffAPercent", "80");
        form.put("cutoffBPercent", "95");
        String[][] criteria = {
            {"sales", "MONTHLY_AVERAGE_SALES", "true", "20000", "70", "10000", "50", "5000", "40", "30", "30"},
            {"payment", "AVERAGE_DAYS_TO_PAY", "false", "30", "30", "45", "20", "60", "10", "0", "20"}};
        for (int i = 0; i < criteria.length; i++) {
            String[] c = criteria[i];
            String at = "criteria[" + i + "].";
            form.put(at + "name", c[0]);
            form.put(at + "metric", c[1]);
            form.put(at + "higherIsBetter", c[2]);
            for (int band = 0; band < 3; band++) {
                form.put(at + "bands[" + band + "].threshold", c[3 + 2 * band]);
                form.put(at + "bands[" + band + "].points", c[4 + 2 * band]);
            }
            form.put(at + "otherwisePoints", c[9]);
            form.put(at + "pointsWithoutData", c[10]);
        }
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
        MockHttpServletRequestBuilder request = post("/admin/rules/drafts/" + draft)
                .with(user(Fixtures.principal(admin))).with(csrf()).header("Accept-Language", "en");
        form.forEach(request::param);
        return request;
    }
}

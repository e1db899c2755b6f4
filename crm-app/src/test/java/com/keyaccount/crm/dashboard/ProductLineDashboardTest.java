package com.keyaccount.crm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Net revenue, gross margin and product lines on the overview, on a hand-built book of one
 * manager (tier window: the last 12 months; p1 named, p2 known by its code only):
 * <pre>
 * customer tier  lines in the window                                   net       margin
 * a        A     p1 60,000 (m 9,000); p2 20,000 (m 6,000);
 *                credit note on p1 −10,000 (m −1,500) for a's p1 order  70,000    13,500
 * b        B     p1 30,000 (no margin)                                  30,000    —
 * c        C     p2 10,000 (m 1,000)                                    10,000     1,000
 * d        C     (p1 5,000 two years ago: outside the window)                0    —
 * e        C     credit note on p2 −2,000 (m −200) for an old order     −2,000      −200
 *
 * book:  5 customers, net 108,000 (sales 120,000 less 12,000), margin 14,300 = 13.2%
 *        by tier A 70,000 / 13,500 (19.3%)   B 30,000 / —   C 8,000 / 800 (10.0%)
 *        curve on net revenue, nets below zero as zero (total 110,000): 20% -> 63.6%, 40% -> 90.9%, 60% -> 100%
 *        curve on margin (total 14,500): 20% -> 13,500 / 14,500 = 93.1%, 40% -> 100%
 * p1:    a 50,000 / 7,500 and b 30,000 / —: 2 customers, 80,000, margin 7,500 = 9.4%;
 *        curve 50% -> 62.5%, 100% -> 100%
 * p2:    a 20,000 / 6,000, c 10,000 / 1,000, e −2,000 / −200: 3 customers, 28,000, margin 6,800 = 24.3%
 * p1 ranked per product line (line tiers a B, b A, d C): A b 30,000, B a 50,000 / 7,500, C d 0
 * </pre>
 */
@FullStackTest
class ProductLineDashboardTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser manager;
    private AppUser director;
    private long p1;
    private long p2;
    private String p1Name;
    private String p2Code;
    private Customer a;
    private Customer b;
    private Customer d;

    ProductLineDashboardTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void book() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        director = fixtures.user(Role.SALES_DIRECTOR);
        p1Name = Fixtures.unique("家用电器");
        p2Code = Fixtures.unique("P2");
        p1 = productLine(Fixtures.unique("P1"), p1Name);
        p2 = productLine(p2Code, null);
        a = customer("a", "A");
        line(a, "A-1", 20, p1, "60000", "9000", null);
        line(a, "A-2", 30, p2, "20000", "6000", null);
        line(a, "A-R1", 5, p1, "-10000", "-1500", "A-1");
        b = customer("b", "B");
        line(b, "B-1", 40, p1, "30000", null, null);
        Customer c = customer("c", "C");
        line(c, "C-1", 50, p2, "10000", "1000", null);
        d = customer("d", "C");
        line(d, "D-1", 730, p1, "5000", "500", null);
        Customer e = customer("e", "C");
        line(e, "E-0", 700, p2, "5000", "1000", null);
        line(e, "E-R1", 3, p2, "-2000", "-200", "E-0");
    }

    /** Other tests count on being the only ones with revenue, and on the policy as it was. */
    @AfterEach
    void restore() {
        jdbc.update("UPDATE tier_policy SET measure = 'NET_REVENUE', scope = 'BOOK'");
        jdbc.update("DELETE FROM customer_line_tier WHERE product_line_id IN (?, ?)", p1, p2);
        jdbc.update("DELETE FROM sales_order WHERE product_line_id IN (?, ?)", p1, p2);
        jdbc.update("DELETE FROM product_line WHERE id IN (?, ?)", p1, p2);
    }

    @Test
    void the_book_shows_net_revenue_with_gross_margin_beside_it_and_says_it_is_net() throws Exception {
        String page = page("/dashboard?owner=" + manager.getId());

        assertThat(section(page, "summary")).contains("5 customers", "¥108,000.00 net revenue",
                "Gross margin", "¥14,300.00 (13.2% of net revenue).", "make 63.6% of net revenue");
        assertThat(section(page, "net-caption"))
                .contains("All revenue here is net revenue: sales less credit notes and returns, from "
                        + TODAY.minusMonths(12).plusDays(1) + " to " + TODAY);
        assertThat(section(page, "by-tier")).contains("¥70,000.00", "¥13,500.00", "19.3%", "¥30,000.00", "—",
                "¥8,000.00", "¥800.00", "10.0%");
        // a customer whose net is below zero counts as zero on the curve: it never passes 100%
        assertThat(section(page, "pareto")).contains("Net revenue concentration", "63.6%", "90.9%")
                .doesNotContain("101.");

        String csv = csv("/dashboard.csv?owner=" + manager.getId());
        assertThat(csv).contains("tier,A,A,1,70000.00,,,-10000.00,13500.00,", "tier,B,B,1,30000.00,,,0.00,,",
                "tier,C,C,3,8000.00,,,-2000.00,800.00,", "pareto,1,,1,70000.00,0.2000,0.6364,,,",
                "pareto,5,,5,110000.00,1.0000,1.0000,,,");
    }

    @Test
    void a_product_line_shows_its_own_figures_for_the_customers_with_sales_on_it() throws Exception {
        String page = page("/dashboard?owner=" + manager.getId() + "&productLine=" + p1);

        assertThat(section(page, "summary")).contains("2 customers", "¥80,000.00 net revenue",
                "Gross margin", "¥7,500.00 (9.4% of net revenue).");
        assertThat(section(page, "net-caption")).contains("Product line " + p1Name
                + ": its sales only, for the customers with sales on it in the window, by their tier.");
        assertThat(section(page, "pareto")).contains("50.0%", "62.5%", "100.0%");
        assertThat(section(page, "by-tier")).contains("¥50,000.00", "¥7,500.00", "15.0%", "¥30,000.00", "—")
                .doesNotContain("¥70,000.00");
        // the select offers the lines by name, or by code while unnamed, and keeps the choice
        assertThat(page).contains("<option value=\"" + p1 + "\" selected=\"selected\">" + p1Name + "</option>",
                "<option value=\"" + p2 + "\">" + p2Code + "</option>", "All product lines");
        // the download follows the same filter
        assertThat(page).contains("/dashboard.csv?region=&amp;industry=&amp;owner=" + manager.getId() + "&amp;productLine=" + p1);
        assertThat(csv("/dashboard.csv?owner=" + manager.getId() + "&productLine=" + p1))
                .contains("tier,A,A,1,50000.00,,,-10000.00,7500.00,", "tier,B,B,1,30000.00,,,0.00,,")
                .doesNotContain("tier,C,");

        assertThat(section(page("/dashboard?owner=" + manager.getId() + "&productLine=" + p2), "summary"))
                .contains("3 customers", "¥28,000.00 net revenue", "Gross margin", "¥6,800.00 (24.3% of net revenue).");
    }

    @Test
    void with_tiers_per_product_line_a_line_shows_the_tiers_customers_hold_on_it() throws Exception {
        jdbc.update("UPDATE tier_policy SET scope = 'PRODUCT_LINE'");
        lineTier(a, p1, "B", "50000", "7500");
        lineTier(b, p1, "A", "30000", null);
        lineTier(d, p1, "C", "0", null);

        String page = page("/dashboard?owner=" + manager.getId() + "&productLine=" + p1);
        assertThat(section(page, "summary")).contains("3 customers", "¥80,000.00 net revenue");
        assertThat(section(page, "net-caption"))
                .contains("Product line " + p1Name + ": its sales only, and the tiers customers hold on this line.");
        assertThat(csv("/dashboard.csv?owner=" + manager.getId() + "&productLine=" + p1)).contains(
                "tier,A,A,1,30000.00,,,0.00,,", "tier,B,B,1,50000.00,,,-10000.00,7500.00,", "tier,C,C,1,0.00,,,0.00,,");
    }

    @Test
    void when_tiers_rank_by_gross_margin_the_pareto_curve_is_drawn_on_margin_and_says_so() throws Exception {
        jdbc.update("UPDATE tier_policy SET measure = 'GROSS_MARGIN'");

        String page = page("/dashboard?owner=" + manager.getId());
        assertThat(section(page, "pareto")).contains("Gross margin concentration (Pareto curve: tiers are ranked by gross margin)",
                "Share of gross margin", "93.1%", "[20.0,93.1]");
        assertThat(section(page, "summary")).contains("The top 20% of customers make 93.1% of gross margin.");
        assertThat(csv("/dashboard.csv?owner=" + manager.getId()))
                .contains("pareto,1,,1,,0.2000,,,13500.00,0.9310", "pareto,5,,5,,1.0000,,,14500.00,1.0000");
    }

    @Test
    void an_unknown_product_line_is_ignored_and_said_so() throws Exception {
        for (String line : new String[] {"999999999", "abc"}) {
            String page = page("/dashboard?owner=" + manager.getId() + "&productLine=" + line);
            assertThat(page).as(line).contains("A filter value was not recognised and was ignored.");
            assertThat(section(page, "summary")).as(line).contains("5 customers", "¥108,000.00");
        }
        assertThat(csv("/dashboard.csv?owner=" + manager.getId() + "&productLine=999999999"))
                .contains("tier,A,A,1,70000.00,");
    }

    @Test
    void a_manager_filtering_on_a_line_sees_only_their_own_book_and_line_names_are_shown_as_text() throws Exception {
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        String script = "<script>alert(1)</script>";
        long p3 = productLine(Fixtures.unique("P3"), script);
        try {
            String page = mvc.perform(get("/dashboard?owner=" + manager.getId() + "&productLine=" + p1)
                            .with(user(Fixtures.principal(other))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(section(page, "summary")).contains("0 customers");
            assertThat(page).doesNotContain(script).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        } finally {
            jdbc.update("DELETE FROM product_line WHERE id = ?", p3);
        }
    }

    @Test
    void in_chinese_the_page_says_net_revenue_credit_notes_and_returns_and_gross_margin() throws Exception {
        String page = mvc.perform(get("/dashboard?owner=" + manager.getId() + "&productLine=" + p1)
                        .with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section(page, "net-caption")).contains("本页销售额均为净销售额：销售减去退货与贷项", "产品线 " + p1Name);
        assertThat(section(page, "summary")).contains("毛利 ¥7,500.00（占净销售额 9.4%）");
        assertThat(page).contains("全部产品线");
    }

    private long productLine(String code, String name) {
        jdbc.update("INSERT INTO product_line (code, name, created_at, created_by) VALUES (?, ?, ?, 'test')", code, name,
                Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM product_line WHERE code = ?", Long.class, code);
    }

    private Customer customer(String name, String tier) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, ?, ?, 1, ?, 0, 0)""", customer.getId(), tier, tier,
                Timestamp.from(Instant.now()));
        return customer;
    }

    private void line(Customer customer, String no, int daysAgo, long productLine, String amount, String margin,
            String refersTo) {
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at, product_line_id, margin,
                    refers_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", customer.getId(), no,
                Date.valueOf(TODAY.minusDays(daysAgo)), new BigDecimal(amount), Timestamp.from(Instant.now()),
                productLine, margin == null ? null : new BigDecimal(margin), refersTo);
    }

    private void lineTier(Customer customer, long productLine, String tier, String revenue, String margin) {
        jdbc.update("""
                INSERT INTO customer_line_tier (customer_id, product_line_id, tier, policy_version, computed_at, revenue,
                    margin, order_count) VALUES (?, ?, ?, 1, ?, ?, ?, 1)""", customer.getId(), productLine, tier,
                Timestamp.from(Instant.now()), new BigDecimal(revenue), margin == null ? null : new BigDecimal(margin));
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String csv(String url) throws Exception {
        return new String(mvc.perform(get(url).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        int end = page.indexOf(id.equals("summary") || id.equals("net-caption") ? "</p>" : "</section>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}

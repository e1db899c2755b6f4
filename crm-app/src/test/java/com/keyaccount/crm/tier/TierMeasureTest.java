package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SalesBook;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What customers are ranked by (issue 15), over the whole book with Pareto 80/95: net revenue,
 * where credit notes are subtracted and a net of zero or less ranks as zero, or gross margin.
 * Other tests may leave a few hundred thousand of revenue in the shared database: the amounts
 * here are large enough (hundreds of millions) that it moves no share across a cutoff.
 */
@FullStackTest
class TierMeasureTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final SalesBook book;
    private final LocalDate day;
    private AppUser admin;
    private AppUser manager;

    TierMeasureTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, RuleDrafts drafts,
            ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.book = new SalesBook(jdbc, drafts, recompute);
        this.day = LocalDate.now(businessZone).minusDays(20);
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

    /**
     * "big" sold 1,000,000,000; "returner" sold 800 and got a 2,000 credit note (net −1,200);
     * "washed" sold 5,000 and returned all of it (net 0). Big ranks first (A); the others rank as
     * zero, behind every customer with revenue (C).
     */
    @Test
    void a_net_of_zero_or_less_ranks_as_zero_and_the_page_says_so() throws Exception {
        Customer big = customer("大客户");
        Customer returner = customer("退货客户");
        Customer washed = customer("全退客户");
        book.line(big, day, "1000000000", null, null);
        book.line(returner, day, "800", null, null);
        book.line(returner, day.plusDays(3), "-2000", null, null);
        book.line(washed, day, "5000", null, null);
        book.line(washed, day.plusDays(1), "-5000", null, null);
        recompute.run("TEST", "test");

        assertThat(tier(big)).containsEntry("effective_tier", "A");
        assertThat(tier(returner)).containsEntry("effective_tier", "C").containsEntry("order_count", 1L)
                .satisfies(row -> assertThat((BigDecimal) row.get("revenue")).isEqualByComparingTo("-1200"));
        assertThat(tier(washed)).containsEntry("effective_tier", "C").containsEntry("order_count", 1L);

        Document returned = page(returner, "en");
        assertThat(returned.getElementById("tier").text()).contains("100.0% of net revenue before it; net revenue -");
        assertThat(returned.getElementById("counted-as-zero").text()).startsWith("net revenue -").contains("1,200.00")
                .endsWith(": counted as zero.");
        assertThat(page(returner, "zh-CN").getElementById("counted-as-zero").text()).startsWith("净销售额 -")
                .contains("1,200.00").endsWith("，按零计。");
        assertThat(page(washed, "en").getElementById("counted-as-zero").text()).contains("0.00: counted as zero.");
        assertThat(page(big, "en").getElementById("counted-as-zero")).isNull();
    }

    /**
     * P sold 1,000 million at a margin of 5,000; Q 600 million at 30,000; R 400 million at 15,000;
     * S 200 million with no margins sent. On net revenue (total 2,200 million) the before-shares
     * are P 0, Q .455, R .727, S .909: A, A, A, B. On margin (total 50,000; nobody else sent one):
     * Q 0, R .6, P .9, S nothing: A, A, B, C.
     */
    @Test
    void on_gross_margin_customers_rank_by_margin() throws Exception {
        Customer p = customer("P-薄利");
        Customer q = customer("Q-厚利");
        Customer r = customer("R");
        Customer s = customer("S-无毛利");
        book.line(p, day, "1000000000", null, "5000");
        book.line(q, day, "600000000", null, "30000");
        book.line(r, day, "400000000", null, "15000");
        book.line(s, day, "200000000", null, null);
        recompute.run("TEST", "test");
        assertThat(Map.of("P", effective(p), "Q", effective(q), "R", effective(r), "S", effective(s)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("P", "A", "Q", "A", "R", "A", "S", "B"));

        book.publish(admin, rules -> rules.rankedBy(Measure.GROSS_MARGIN, Scope.BOOK, null));

        assertThat(Map.of("P", effective(p), "Q", effective(q), "R", effective(r), "S", effective(s)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("P", "B", "Q", "A", "R", "A", "S", "C"));
        assertThat(tier(p)).satisfies(row -> assertThat((BigDecimal) row.get("margin")).isEqualByComparingTo("5000"));
        String of = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(
                jdbc.queryForObject("SELECT count(*) FROM customer WHERE deleted = FALSE", Integer.class));
        assertThat(page(p, "en").getElementById("tier").text()).contains(
                "B \u2014 rank 3 of " + of + "; 90.0% of gross margin before it; gross margin ", "5,000.00");
        assertThat(page(p, "zh-CN").getElementById("tier").text()).contains("排在其前的客户占毛利 90.0%");
        assertThat(page(s, "en").getElementById("counted-as-zero").text()).startsWith("gross margin ")
                .endsWith("0.00: counted as zero.");
        assertThat(jdbc.queryForList("SELECT from_tier || '>' || to_tier FROM tier_change WHERE customer_id = ? "
                + "AND from_tier IS NOT NULL ORDER BY id", String.class, p.getId())).containsExactly("A>B");
    }

    private Customer customer(String name) {
        return fixtures.customer(manager, Fixtures.unique(name));
    }

    private Map<String, Object> tier(Customer customer) {
        return jdbc.queryForMap("SELECT effective_tier, revenue, margin, order_count FROM customer_tier "
                + "WHERE customer_id = ?", customer.getId());
    }

    private String effective(Customer customer) {
        return (String) tier(customer).get("effective_tier");
    }

    private Document page(Customer customer, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(manager)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}

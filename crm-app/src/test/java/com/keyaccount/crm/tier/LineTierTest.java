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
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One tier per product line (issue 15, seed 003), Pareto 80/95 on net revenue in each line.
 * 家电 (appliances): X sold 50,000, Y 10,000 — total 60,000: X before 0 → A, Y before
 * 50/60 = 83.3% → B. 建材 (building materials): Z sold 99,000, X 1,000 — total 100,000: Z before 0
 * → A, X before 99% → C. W sold 5,000 without a product line: on no line, so C.
 */
@FullStackTest
class LineTierTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final SalesBook book;
    private final LocalDate day;
    private AppUser admin;
    private AppUser manager;
    private long appliances;
    private long materials;
    private Customer x;
    private Customer y;
    private Customer z;
    private Customer w;

    LineTierTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, RuleDrafts drafts,
            ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.book = new SalesBook(jdbc, drafts, recompute);
        this.day = LocalDate.now(businessZone).minusDays(10);
    }

    @BeforeEach
    void linesAndSales() throws Exception {
        admin = fixtures.user(Role.ADMIN);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        appliances = book.productLine("家电");
        materials = book.productLine("建材");
        x = fixtures.customer(manager, Fixtures.unique("两条线"));
        y = fixtures.customer(manager, Fixtures.unique("家电小客户"));
        z = fixtures.customer(manager, Fixtures.unique("建材大客户"));
        w = fixtures.customer(manager, Fixtures.unique("无产品线"));
        book.line(x, day, "50000", appliances, null);
        book.line(x, day, "1000", materials, null);
        book.line(y, day, "10000", appliances, null);
        book.line(z, day, "99000", materials, null);
        book.line(w, day, "5000", null, null);
        book.publish(admin, rules -> rules.rankedBy(Measure.NET_REVENUE, Scope.PRODUCT_LINE, null));
    }

    @AfterEach
    void backToTheWholeBook() throws Exception {
        book.restore(admin);
        // over the whole book again: no line tiers or line rankings are left behind
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_line_tier", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM line_ranking", Integer.class)).isZero();
    }

    @Test
    void a_customer_is_a_on_one_line_and_c_on_another_and_its_tier_is_the_best() throws Exception {
        assertThat(lineTiers(x)).containsExactlyInAnyOrderEntriesOf(Map.of(appliances, "A", materials, "C"));
        assertThat(lineTiers(y)).containsExactlyInAnyOrderEntriesOf(Map.of(appliances, "B"));
        assertThat(lineTiers(z)).containsExactlyInAnyOrderEntriesOf(Map.of(materials, "A"));
        assertThat(lineTiers(w)).isEmpty();
        assertThat(tier(x)).isEqualTo("A");
        assertThat(tier(y)).isEqualTo("B");
        assertThat(tier(z)).isEqualTo("A");
        assertThat(tier(w)).isEqualTo("C");

        Document page = page("/customers/" + x.getId());
        assertThat(page.getElementById("tier-basis").text()).startsWith("A \u2014 the best of its product-line tiers");
        List<String> rows = page.select("#line-tiers tbody tr").eachText();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("家电 A ").contains("¥50,000.00 not sent").endsWith("#1 of 2 · 0.0% before");
        assertThat(rows.get(1)).startsWith("建材 C ").contains("¥1,000.00 not sent").endsWith("#2 of 2 · 99.0% before");
        assertThat(page("/customers/" + w.getId()).getElementById("tier-basis").text())
                .startsWith("C \u2014 no sales on any product line in the window");

        assertThat(list("q", x.getName()).select("small.line-tiers").text()).isEqualTo("家电 A · 建材 C");
        assertThat(names(list("line", Long.toString(appliances), "tier", "A"))).contains(x.getName())
                .doesNotContain(y.getName(), z.getName());
        assertThat(names(list("line", Long.toString(materials)))).contains(x.getName(), z.getName())
                .doesNotContain(y.getName(), w.getName());

        List<CSVRecord> exported = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(mvc.perform(get("/customers/tiers.csv").with(user(Fixtures.principal(manager)))
                                .header("Accept-Language", "zh-CN"))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(exported).filteredOn(r -> r.get("客户编码").equals(x.getCode())).singleElement()
                .satisfies(r -> assertThat(r.get("各产品线级别")).isEqualTo("家电 A 类 · 建材 C 类"));
        assertThat(exported).filteredOn(r -> r.get("客户编码").equals(w.getCode())).singleElement()
                .satisfies(r -> assertThat(r.get("各产品线级别")).isEmpty());
    }

    @Test
    void a_days_sales_rewrite_only_the_line_tiers_they_change() {
        Map<String, Object> before = computedAt();
        // Y buys 5,000 more appliances: total 65,000, X before 0 → A, Y before 50/65 = 76.9% → A
        book.line(y, day.plusDays(1), "5000", appliances, null);
        recompute.run("TEST", "test");

        assertThat(lineTiers(y)).containsEntry(appliances, "A");
        assertThat(tier(y)).isEqualTo("A");
        Map<String, Object> after = computedAt();
        assertThat(after.get("y-" + appliances)).isNotEqualTo(before.get("y-" + appliances));
        before.remove("y-" + appliances);
        after.remove("y-" + appliances);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_customer_who_no_longer_sells_on_a_line_loses_its_tier_there_and_an_empty_line_has_none() {
        // X's building materials sale is cancelled in full: X is on appliances only
        jdbc.update("DELETE FROM sales_order WHERE customer_id = ? AND product_line_id = ?", x.getId(), materials);
        recompute.run("TEST", "test");

        assertThat(lineTiers(x)).containsExactlyInAnyOrderEntriesOf(Map.of(appliances, "A"));
        assertThat(lineTiers(z)).containsExactlyInAnyOrderEntriesOf(Map.of(materials, "A"));

        // Z's too: nobody sells building materials in the window any more
        jdbc.update("DELETE FROM sales_order WHERE customer_id = ? AND product_line_id = ?", z.getId(), materials);
        recompute.run("TEST", "test");

        assertThat(lineTiers(z)).isEmpty();
        assertThat(tier(z)).isEqualTo("C");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_line_tier WHERE product_line_id = ?",
                Integer.class, materials)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM line_ranking WHERE product_line_id = ?",
                Integer.class, materials)).isZero();
        assertThat(lineTiers(x)).containsExactlyInAnyOrderEntriesOf(Map.of(appliances, "A"));
        // nothing is left in the working table
        assertThat(jdbc.queryForObject("SELECT count(*) FROM line_tier_stage", Integer.class)).isZero();
    }

    @Test
    void quotas_can_follow_one_named_product_line() throws Exception {
        book.publish(admin, rules -> rules.rankedBy(Measure.NET_REVENUE, Scope.PRODUCT_LINE, materials));

        // 建材 decides: X is C there, Y has no sales there, Z is A
        assertThat(tier(x)).isEqualTo("C");
        assertThat(tier(y)).isEqualTo("C");
        assertThat(tier(z)).isEqualTo("A");
        assertThat(lineTiers(x)).containsEntry(appliances, "A");
        assertThat(page("/customers/" + x.getId()).getElementById("tier-basis").text())
                .startsWith("C \u2014 its tier on 建材, the product line visit quotas follow");
        assertThat(page("/customers/" + y.getId()).getElementById("tier-basis").text())
                .startsWith("C \u2014 no sales on 建材, the product line visit quotas follow, in the window");
        // the move is history like any other
        assertThat(jdbc.queryForList("SELECT from_tier || '>' || to_tier FROM tier_change WHERE customer_id = ? "
                + "AND from_tier IS NOT NULL ORDER BY id", String.class, x.getId())).containsExactly("A>C");
    }

    private Map<Long, String> lineTiers(Customer customer) {
        Map<Long, String> tiers = new HashMap<>();
        jdbc.query("SELECT product_line_id, tier FROM customer_line_tier WHERE customer_id = ?",
                rs -> {
                    tiers.put(rs.getLong(1), rs.getString(2));
                }, customer.getId());
        return tiers;
    }

    private Map<String, Object> computedAt() {
        Map<String, Object> at = new HashMap<>();
        for (Customer c : List.of(x, y, z)) {
            String who = c == x ? "x" : c == y ? "y" : "z";
            jdbc.query("SELECT product_line_id, computed_at FROM customer_line_tier WHERE customer_id = ?", rs -> {
                at.put(who + "-" + rs.getLong(1), rs.getObject(2));
            }, c.getId());
        }
        return at;
    }

    private String tier(Customer customer) {
        return jdbc.queryForObject("SELECT effective_tier FROM customer_tier WHERE customer_id = ?", String.class,
                customer.getId());
    }

    private static List<String> names(Document list) {
        return list.select("table.cards td[data-label=\"Company name\"] a").eachText();
    }

    private Document list(String... params) throws Exception {
        var request = get("/customers").with(user(Fixtures.principal(manager))).header(HttpHeaders.ACCEPT_LANGUAGE, "en");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(Fixtures.principal(manager)))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }
}

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
 * The overview on a hand-built book of one manager (one order each in the tier window, no margin):
 * <pre>
 * customer  region  industry       tier  revenue
 * a1        EAST    MANUFACTURING  A     50,000
 * a2        EAST    IT             A     20,000
 * a3        NORTH   IT             A     15,000
 * b1        NORTH   MANUFACTURING  B     10,000
 * c1        EAST    IT             C      5,000      total 100,000
 *
 * by tier:     A 3 / 85,000   B 1 / 10,000   C 1 / 5,000
 * by region:   EAST 3 / 75,000   NORTH 2 / 25,000
 * by industry: MANUFACTURING 2 / 60,000   IT 3 / 40,000
 * Pareto (5 customers, one point each): 20% -> 50%, 40% -> 70%, 60% -> 85%, 80% -> 95%, 100% -> 100%
 *   so "the top 20% make 50.0%".
 * region NORTH only: a3, b1 = 25,000; 50% -> 15/25 = 60%, 100% -> 100%; top 20% = the first point = 60.0%.
 * </pre>
 */
@FullStackTest
class DashboardTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser manager;

    DashboardTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void book() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer("a1", "EAST", "MANUFACTURING", "A", 50_000);
        customer("a2", "EAST", "IT", "A", 20_000);
        customer("a3", "NORTH", "IT", "A", 15_000);
        customer("b1", "NORTH", "MANUFACTURING", "B", 10_000);
        customer("c1", "EAST", "IT", "C", 5_000);
    }

    /** Other tests count on being the only ones with revenue in the shared database. */
    @AfterEach
    void removeOrders() {
        jdbc.update("DELETE FROM sales_order WHERE customer_id IN (SELECT id FROM customer WHERE owner_id = ?)",
                manager.getId());
    }

    @Test
    void a_director_filtering_on_one_manager_sees_the_hand_computed_figures() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String page = page("/dashboard?owner=" + manager.getId(), director);

        assertThat(section(page, "summary")).contains("5 customers", "¥100,000.00 net revenue",
                "Gross margin: — (no sales line in the window carries a margin).",
                "The top 20% of customers make 50.0% of net revenue.");
        assertThat(section(page, "by-tier")).contains("¥85,000.00", "¥10,000.00", "¥5,000.00");
        assertThat(section(page, "by-region")).contains("¥75,000.00", "¥25,000.00");
        assertThat(section(page, "by-industry")).contains("¥60,000.00", "¥40,000.00");
        assertThat(section(page, "pareto")).contains("20.0%", "50.0%", "40.0%", "70.0%", "60.0%", "85.0%", "95.0%");
        // the chart draws from the same numbers: the curve's points are in its configuration
        assertThat(section(page, "pareto")).contains("[20.0,50.0]", "[80.0,95.0]");
    }

    @Test
    void a_director_without_filters_sees_the_whole_book() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        long all = jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE deleted = FALSE", Long.class);
        assertThat(section(page("/dashboard", director), "summary")).contains(String.format("%,d customers", all));
    }

    @Test
    void every_figure_follows_the_region_filter() throws Exception {
        String page = page("/dashboard?region=NORTH", manager);
        assertThat(section(page, "summary")).contains("2 customers", "¥25,000.00", "make 60.0% of net revenue");
        assertThat(section(page, "by-tier")).contains("¥15,000.00", "¥10,000.00").doesNotContain("¥50,000.00");
        assertThat(section(page, "by-industry")).contains("¥15,000.00", "¥10,000.00");
    }

    @Test
    void an_account_manager_sees_their_own_book_whatever_owner_they_ask_for() throws Exception {
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        fixtures.customer(other, Fixtures.unique("别人"));
        String page = page("/dashboard?owner=" + other.getId(), manager);
        assertThat(section(page, "summary")).contains("5 customers", "¥100,000.00");
    }

    @Test
    void the_csv_holds_the_numbers_of_the_charts() throws Exception {
        String csv = new String(mvc.perform(get("/dashboard.csv").with(user(Fixtures.principal(manager)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFsection,key,label,customers,revenue,customer_share,revenue_share,"
                        + "credit_notes,gross_margin,gross_margin_share")
                .contains("tier,A,A,3,85000.00,,,0.00,,", "region,NORTH,North China,2,25000.00,,,0.00,,",
                        "pareto,1,,1,50000.00,0.2000,0.5000,,,", "pareto,5,,5,100000.00,1.0000,1.0000,,,");
    }

    @Test
    void an_unknown_filter_value_is_ignored_and_said_so() throws Exception {
        String page = page("/dashboard?region=ATLANTIS", manager);
        assertThat(page).contains("A filter value was not recognised and was ignored.");
        assertThat(section(page, "summary")).contains("5 customers");
    }

    private void customer(String name, String region, String industry, String tier, long revenue) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        jdbc.update("UPDATE customer SET region = ?, industry = ? WHERE id = ?", region, industry, customer.getId());
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, ?, ?, 1, ?, ?, 1)""", customer.getId(), tier, tier,
                Timestamp.from(Instant.now()), revenue);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10);
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, 'D-1', ?, ?, ?)""", customer.getId(), Date.valueOf(day), revenue, Timestamp.from(Instant.now()));
    }

    private String page(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}

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
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The warning list on a hand-built book (default thresholds: −30%, +15 days, 2 × interval, 90 days):
 * <pre>
 * x  A  order 120 days ago ¥182,000 paid after 28 days; 70 days ago ¥98,000 paid after 57 days
 *       -> revenue −46% (84,000 / 182,000 = 46.2%), days to pay 28 -> 57
 * y  B  created 100 days ago, never contacted -> no contact for 100 days (B: every 14; 100 > 28)
 * z  C  downgraded B -> C 10 days ago -> downgrade
 * w  A  nothing wrong -> not listed
 * </pre>
 */
@FullStackTest
class ChurnTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser manager;
    private Customer x;
    private Customer y;
    private Customer z;
    private Customer w;

    ChurnTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void book() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        LocalDate today = LocalDate.now(SHANGHAI);
        x = customer("x", "A");
        order(x, "X-1", today.minusDays(120), 182_000, 28);
        order(x, "X-2", today.minusDays(70), 98_000, 57);
        y = customer("y", "B");
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(100, ChronoUnit.DAYS)), y.getId());
        z = customer("z", "C");
        jdbc.update("""
                INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason)
                VALUES (?, 'B', 'C', 1, ?, 'RECOMPUTED')""", z.getId(),
                Timestamp.from(today.minusDays(10).atTime(10, 0).atZone(SHANGHAI).toInstant()));
        w = customer("w", "A");
    }

    /** Other tests count on being the only ones with revenue in the shared database. */
    @AfterEach
    void removeOrders() {
        jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", x.getId());
    }

    @Test
    void each_flagged_customer_shows_the_signals_that_fired_with_their_numbers() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String page = mvc.perform(get("/dashboard/churn?owner=" + manager.getId())
                        .with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("3 customers show at least one signal.");
        assertThat(row(page, x)).contains("revenue −46% (", "¥182,000.00 → ", "¥98,000.00)", "days to pay 28 → 57");
        assertThat(row(page, y)).contains("no contact for 100 days (expected every 14)");
        assertThat(row(page, z)).contains("downgraded B → C on " + LocalDate.now(SHANGHAI).minusDays(10));
        assertThat(page).doesNotContain(w.getName());
    }

    /** The customers most worth keeping come first, fifty to a page. */
    @Test
    void the_list_is_ordered_by_revenue_at_risk_and_paged() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        LocalDate today = LocalDate.now(SHANGHAI);
        java.util.List<Customer> silent = new java.util.ArrayList<>();
        for (int i = 1; i <= 52; i++) {
            // never contacted in 100 days: the silence signal; ¥1,000 × i of net revenue at risk
            Customer c = fixtures.customer(owner, Fixtures.unique("沉默" + i));
            jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?",
                    Timestamp.from(Instant.now().minus(100, ChronoUnit.DAYS)), c.getId());
            order(c, "S-" + i, today.minusDays(60), 1_000L * i, 20);
            silent.add(c);
        }
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        try {
            String first = churnPage("/dashboard/churn?owner=" + owner.getId(), director);
            assertThat(first).contains("52 customers show at least one signal.", "Page 1 of 2");
            assertThat(first.indexOf(silent.get(51).getName())).as("¥52,000 before ¥51,000")
                    .isLessThan(first.indexOf(silent.get(50).getName())).isPositive();
            assertThat(row(first, silent.get(51))).contains("¥52,000.00");
            assertThat(first).doesNotContain(silent.get(0).getName() + "<", silent.get(1).getName() + "<");

            String second = churnPage("/dashboard/churn?owner=" + owner.getId() + "&page=1", director);
            assertThat(second).contains("Page 2 of 2", silent.get(0).getName(), silent.get(1).getName())
                    .doesNotContain(silent.get(2).getName() + "<");
            assertThat(churnPage("/dashboard/churn?owner=" + owner.getId() + "&page=99", director))
                    .as("past the end: the last page").contains("Page 2 of 2");
            assertThat(churnPage("/dashboard/churn?owner=" + owner.getId() + "&page=-3x", director))
                    .as("nonsense: the first page").contains("Page 1 of 2");
        } finally {
            silent.forEach(c -> jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", c.getId()));
        }
    }

    private String churnPage(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void a_manager_sees_warnings_for_their_own_book_only() throws Exception {
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        String page = mvc.perform(get("/dashboard/churn?owner=" + manager.getId()).with(user(Fixtures.principal(other)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("0 customers show at least one signal.").doesNotContain(x.getName());
    }

    private Customer customer(String name, String tier) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, ?, ?, 1, ?, 0, 0)""", customer.getId(), tier, tier,
                Timestamp.from(Instant.now()));
        return customer;
    }

    private void order(Customer customer, String no, LocalDate on, long amount, int daysToPay) {
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", customer.getId(), no, Date.valueOf(on), amount,
                Date.valueOf(on.plusDays(30)), Date.valueOf(on.plusDays(daysToPay)), Timestamp.from(Instant.now()));
    }

    private static String row(String page, Customer customer) {
        int start = page.indexOf(customer.getName());
        assertThat(start).as(customer.getName()).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}

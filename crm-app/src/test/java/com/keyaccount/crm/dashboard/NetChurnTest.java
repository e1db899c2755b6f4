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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Churn signals on net revenue (default thresholds: −30%, +15 days to pay), a hand-built book:
 * <pre>
 * r  steady: 100,000 sold 120 days ago and 100,000 85 days ago (both paid after 30 days), but
 *    80 days ago 60,000 of the second order came back (the credit note "paid" today, 80 days on)
 *    -> previous 100,000, recent 100,000 − 60,000 = 40,000: net revenue −60%;
 *       days to pay 30 -> 30 (the credit note is no payment), so no payment signal
 * s  the same sales without the return -> not listed
 * q  50,000 sold 100 days ago; 30 days ago an 80,000 credit note on an older order
 *    -> recent net −80,000: −100% (all of it, not 260%)
 * </pre>
 */
@FullStackTest
class NetChurnTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser manager;
    private Customer r;
    private Customer s;
    private Customer q;

    NetChurnTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void book() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        r = customer("r");
        line(r, "R-1", 120, 100_000, 30, null);
        line(r, "R-2", 85, 100_000, 30, null);
        line(r, "R-C2", 80, -60_000, 80, "R-2");
        s = customer("s");
        line(s, "S-1", 120, 100_000, 30, null);
        line(s, "S-2", 85, 100_000, 30, null);
        q = customer("q");
        line(q, "Q-1", 100, 50_000, 20, null);
        line(q, "Q-C0", 30, -80_000, null, "Q-0");
    }

    /** Other tests count on being the only ones with revenue in the shared database. */
    @AfterEach
    void removeOrders() {
        jdbc.update("DELETE FROM sales_order WHERE customer_id IN (?, ?, ?)", r.getId(), s.getId(), q.getId());
    }

    @Test
    void a_wave_of_returns_is_a_drop_in_net_revenue_and_the_page_says_the_figures_are_net() throws Exception {
        String page = page("en");

        assertThat(page).contains("Signals: net revenue (sales less credit notes and returns) in the last 90 days "
                + "down more than 30% against the 90 days before", "2 customers show at least one signal.");
        assertThat(row(page, r)).contains("net revenue −60% (", "¥100,000.00 → ", "¥40,000.00)",
                "(credit notes and returns ", "¥60,000.00)").doesNotContain("days to pay");
        assertThat(page).doesNotContain(s.getName());
    }

    @Test
    void a_recent_net_below_zero_is_a_drop_of_all_of_it() throws Exception {
        assertThat(row(page("en"), q)).contains("net revenue −100% (", "¥50,000.00 → ", "¥80,000.00");
    }

    @Test
    void in_chinese_the_signal_says_net_revenue_and_credit_notes_and_returns() throws Exception {
        String page = page("zh-CN");
        assertThat(page).contains("最近 90 天净销售额（销售减去退货与贷项）");
        assertThat(row(page, r)).contains("净销售额 −60%（¥100,000.00 → ¥40,000.00）", "（其中退货与贷项 ");
    }

    private String page(String language) throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        return mvc.perform(get("/dashboard/churn?owner=" + manager.getId()).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private Customer customer(String name) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, 'A', 'A', 1, ?, 0, 0)""", customer.getId(),
                Timestamp.from(Instant.now()));
        return customer;
    }

    private void line(Customer customer, String no, int daysAgo, long amount, Integer paidAfter, String refersTo) {
        LocalDate on = TODAY.minusDays(daysAgo);
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, created_at,
                    refers_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", customer.getId(), no, Date.valueOf(on), amount,
                Date.valueOf(on.plusDays(30)), paidAfter == null ? null : Date.valueOf(on.plusDays(paidAfter)),
                Timestamp.from(Instant.now()), refersTo);
    }

    private static String row(String page, Customer customer) {
        int start = page.indexOf(customer.getName());
        assertThat(start).as(customer.getName()).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}

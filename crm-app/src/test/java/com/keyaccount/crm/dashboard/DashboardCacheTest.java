package com.keyaccount.crm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.dashboard.application.Dashboards;
import com.keyaccount.crm.dashboard.application.KeyFigures;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.TiersChanged;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The overview and the figures read from sales beside it (the trend, customers with sales) are
 * kept for a while, but a recompute (or any tier change) shows at once; overdue follow-ups are
 * counted afresh at every visit.
 */
@FullStackTest
@TestPropertySource(properties = "crm.dashboard.cache-seconds=600")
class DashboardCacheTest {

    private final Dashboards dashboards;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final KeyFigures keyFigures;

    DashboardCacheTest(Dashboards dashboards, Fixtures fixtures, JdbcTemplate jdbc, ApplicationEventPublisher events,
            KeyFigures keyFigures) {
        this.keyFigures = keyFigures;
        this.dashboards = dashboards;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Test
    void a_tier_change_empties_the_kept_overviews() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("缓存"));
        DashboardFilter book = new DashboardFilter(null, null, manager.getId());
        assertThat(dashboards.overview(book).revenue()).isZero();

        // an order and the tier a recompute would give it
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, 'K-1', ?, 1234, ?)""", customer.getId(), Date.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai"))),
                Timestamp.from(Instant.now()));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, 'A', 'A', 1, ?, 1234, 1)""", customer.getId(),
                Timestamp.from(Instant.now()));
        try {
            assertThat(dashboards.overview(book).revenue()).as("kept").isZero();

            events.publishEvent(new TiersChanged("test"));
            assertThat(dashboards.overview(book).revenue()).isEqualByComparingTo("1234");
            assertThat(dashboards.overview(book).byTier()).extracting(g -> g.key()).containsExactly("A");
        } finally {
            // other tests count on being the only ones with revenue in the shared database
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer.getId());
        }
    }

    @Test
    void the_trend_and_customers_with_sales_are_kept_with_the_overview_but_overdue_follow_ups_count_at_every_visit() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("趋势"));
        DashboardFilter book = new DashboardFilter(null, null, manager.getId());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(keyFigures.kpis(dashboards.overview(book)).customersWithSales()).isZero();
        assertThat(thisMonth(book)).isZero();
        assertThat(keyFigures.kpis(dashboards.overview(book)).overdue()).isZero();

        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, 'T-1', ?, 500, ?)""", customer.getId(), Date.valueOf(today), Timestamp.from(Instant.now()));
        jdbc.update("""
                INSERT INTO follow_up (customer_id, owner_id, tier, due_on, due_rule, quota_version, refreshed_at)
                VALUES (?, ?, 'C', ?, 'ANY_CONTACT', 1, ?)""", customer.getId(), manager.getId(),
                Date.valueOf(today.minusDays(3)), Timestamp.from(Instant.now()));
        try {
            assertThat(keyFigures.kpis(dashboards.overview(book)).overdue()).as("counted at once").isEqualTo(1);
            assertThat(keyFigures.kpis(dashboards.overview(book)).customersWithSales()).as("kept").isZero();
            assertThat(thisMonth(book)).as("kept").isZero();

            events.publishEvent(new TiersChanged("test"));
            assertThat(keyFigures.kpis(dashboards.overview(book)).customersWithSales()).isEqualTo(1);
            assertThat(thisMonth(book)).isEqualByComparingTo("500");
        } finally {
            jdbc.update("DELETE FROM follow_up WHERE customer_id = ?", customer.getId());
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer.getId());
        }
    }

    private BigDecimal thisMonth(DashboardFilter book) {
        List<KeyFigures.Month> trend = keyFigures.trend(book);
        return trend.get(trend.size() - 1).revenue();
    }
}

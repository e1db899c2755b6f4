package com.keyaccount.crm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import com.keyaccount.crm.dashboard.application.Dashboards;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.TiersChanged;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The overview is kept for a while, but a recompute (or any tier change) shows at once. */
@FullStackTest
@TestPropertySource(properties = "crm.dashboard.cache-seconds=600")
class DashboardCacheTest {

    private final Dashboards dashboards;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    DashboardCacheTest(Dashboards dashboards, Fixtures fixtures, JdbcTemplate jdbc, ApplicationEventPublisher events) {
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
}

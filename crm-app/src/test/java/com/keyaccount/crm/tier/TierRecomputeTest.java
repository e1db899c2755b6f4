package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerCriteria;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.application.RecomputeAlreadyRunningException;
import com.keyaccount.crm.tier.application.RecomputeSummary;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recompute on the real database under the seeded policy v1 (Pareto, 0.80 / 0.95, 12 months).
 * Only this test writes orders into the shared test database, so the revenue below is all there is.
 */
@FullStackTest
class TierRecomputeTest {

    private final TierRecompute recompute;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final LockProvider locks;
    private final ZoneId businessZone;
    private final CustomerService customers;

    TierRecomputeTest(TierRecompute recompute, Fixtures fixtures, JdbcTemplate jdbc, LockProvider locks,
            ZoneId businessZone, CustomerService customers) {
        this.recompute = recompute;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.locks = locks;
        this.businessZone = businessZone;
        this.customers = customers;
    }

    @Test
    void tiers_follow_the_pareto_rule_and_only_changes_are_written_as_history() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer big = customerWithOrders(manager, "50000");
        Customer second = customerWithOrders(manager, "20000", "5000");
        Customer third = customerWithOrders(manager, "15000");
        Customer fourth = customerWithOrders(manager, "10000");
        Customer idle = fixtures.customer(manager, Fixtures.unique("无订单"));
        Customer old = customerWithOrdersOn(manager, today().minusMonths(13), "999999"); // outside the window

        recompute.run("TEST", "tester");
        // total 100,000: before-shares 0, .50, .75, .90 → A, A, A (crosses .80), B; no revenue → C
        assertThat(tiers(big, second, third, fourth, idle, old)).containsExactly("A", "A", "A", "B", "C", "C");
        assertThat(jdbc.queryForMap("""
                SELECT rank_position, ranked_of, share_before, revenue, order_count FROM customer_tier
                WHERE customer_id = ?""", third.getId()))
                .containsEntry("rank_position", 3)
                .satisfies(row -> assertThat((BigDecimal) row.get("share_before")).isEqualByComparingTo("0.75"))
                .satisfies(row -> assertThat((BigDecimal) row.get("revenue")).isEqualByComparingTo("15000"));
        assertThat(historyCount(big)).isEqualTo(1);
        assertThat(customers.search(manager.asViewer(), new CustomerCriteria(null, Tier.B, null, null, null, null),
                PageRequest.of(0, 10)).getContent()).extracting(Customer::getId).containsExactly(fourth.getId());
        assertThat(customers.search(manager.asViewer(), new CustomerCriteria(null, Tier.C, null, null, null, null),
                PageRequest.of(0, 10)).getContent()).extracting(Customer::getId)
                .containsExactlyInAnyOrder(idle.getId(), old.getId());

        RecomputeSummary unchanged = recompute.run("TEST", "tester");
        assertThat(unchanged.upgrades() + unchanged.downgrades()).isZero();
        assertThat(historyCount(big)).isEqualTo(1);

        // the fourth customer buys 40,000 more: total 140,000, ranking 50k, 50k(4th, id larger), 25k, 15k
        addOrder(fourth, today(), "40000");
        RecomputeSummary moved = recompute.run("TEST", "tester");
        // before-shares: big 0, fourth 50/140=.357, second 100/140=.714, third 125/140=.893 → A, A, A, B
        assertThat(tiers(big, second, third, fourth)).containsExactly("A", "A", "B", "A");
        assertThat(moved.upgrades()).isEqualTo(1);
        assertThat(moved.downgrades()).isEqualTo(1);
        assertThat(jdbc.queryForList("""
                SELECT coalesce(from_tier, '-') || '>' || to_tier FROM tier_change WHERE customer_id = ? ORDER BY id""",
                String.class, third.getId())).containsExactly("->A", "A>B");
    }

    @Test
    void a_second_recompute_is_told_one_is_already_running() {
        SimpleLock held = locks.lock(new LockConfiguration(Instant.now(), "tier-recompute", Duration.ofMinutes(1),
                Duration.ZERO)).orElseThrow();
        try {
            assertThatThrownBy(() -> recompute.run("TEST", "tester"))
                    .isInstanceOf(RecomputeAlreadyRunningException.class);
        } finally {
            held.unlock();
        }
    }

    private LocalDate today() {
        return LocalDate.now(businessZone);
    }

    private Customer customerWithOrders(AppUser owner, String... amounts) {
        return customerWithOrdersOn(owner, today().minusDays(10), amounts);
    }

    private Customer customerWithOrdersOn(AppUser owner, LocalDate day, String... amounts) {
        Customer customer = fixtures.customer(owner, Fixtures.unique("有订单"));
        for (String amount : amounts) {
            addOrder(customer, day, amount);
        }
        return customer;
    }

    private void addOrder(Customer customer, LocalDate day, String amount) {
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, due_date, paid_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""", customer.getId(), Fixtures.unique("SO"), day,
                new BigDecimal(amount), day.plusDays(30), day.plusDays(20));
    }

    private List<String> tiers(Customer... customers) {
        return java.util.Arrays.stream(customers)
                .map(c -> jdbc.queryForObject("SELECT effective_tier FROM customer_tier WHERE customer_id = ?", String.class, c.getId()))
                .toList();
    }

    private int historyCount(Customer customer) {
        return jdbc.queryForObject("SELECT count(*) FROM tier_change WHERE customer_id = ?", Integer.class,
                customer.getId());
    }
}

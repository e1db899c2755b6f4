package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

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
    private final ParetoRankings rankings;
    private final MockMvc mvc;

    TierRecomputeTest(TierRecompute recompute, Fixtures fixtures, JdbcTemplate jdbc, LockProvider locks,
            ZoneId businessZone, CustomerService customers, ParetoRankings rankings, MockMvc mvc) {
        this.rankings = rankings;
        this.mvc = mvc;
        this.recompute = recompute;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.locks = locks;
        this.businessZone = businessZone;
        this.customers = customers;
    }

    @Test
    void tiers_follow_the_pareto_rule_and_only_changes_are_written_as_history() throws Exception {
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
        assertThat(jdbc.queryForMap("SELECT revenue, order_count FROM customer_tier WHERE customer_id = ?", third.getId()))
                .containsEntry("order_count", 1L)
                .satisfies(row -> assertThat((BigDecimal) row.get("revenue")).isEqualByComparingTo("15000"));
        assertThat(rankings.rankOf(third.getId())).hasValueSatisfying(place -> {
            assertThat(place.rank()).isEqualTo(3);
            assertThat(place.rankedOf()).isEqualTo(activeCustomers());
            assertThat(place.shareBefore()).isEqualByComparingTo("0.75");
        });
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
        assertThat(customers.search(manager.asViewer(), new CustomerCriteria(null, Tier.B, null, null, null, null),
                PageRequest.of(0, 10)).getContent()).extracting(Customer::getId)
                .as("the list's tier filter follows a recompute that moved tiers, after one that moved none")
                .containsExactly(third.getId());

        // a day's sales: the second customer buys 1,000 more. Total 141,000; ranking big 50k, fourth 50k,
        // second 26k, third 15k; before-shares 0, 50/141=.354610, 100/141=.709220, 126/141=.893617 → A, A, A, B.
        // Everyone's share before moved, nobody's tier did: only the buyer's tier row is rewritten.
        Map<Long, Object> writtenBefore = computedAt(big, second, third, fourth, idle, old);
        addOrder(second, today(), "1000");
        RecomputeSummary day = recompute.run("TEST", "tester");
        assertThat(day.tierRowsWritten()).isEqualTo(1);
        Map<Long, Object> writtenAfter = computedAt(big, second, third, fourth, idle, old);
        assertThat(writtenAfter.get(second.getId())).isNotEqualTo(writtenBefore.get(second.getId()));
        writtenBefore.remove(second.getId());
        assertThat(writtenAfter).containsAllEntriesOf(writtenBefore);
        assertThat(tiers(big, second, third, fourth)).containsExactly("A", "A", "B", "A");

        // ... and the pages still explain everyone by the new ranking
        String of = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(activeCustomers());
        assertThat(detailPage(manager, second)).contains("A \u2014 rank 3 of " + of + "; 70.9% of net revenue before it");
        assertThat(detailPage(manager, third)).contains("B \u2014 rank 4 of " + of + "; 89.4% of net revenue before it");
        assertThat(detailPage(manager, fourth)).contains("A \u2014 rank 2 of " + of + "; 35.5% of net revenue before it");
        assertThat(detailPage(manager, big)).contains("A \u2014 rank 1 of " + of + "; 0.0% of net revenue before it");
        String list = mvc.perform(get("/customers").param("q", second.getName())
                        .with(user(Fixtures.principal(manager))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("tier-why\">#3 of " + of + " \u00b7 70.9% before");
        List<CSVRecord> exported = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(mvc.perform(get("/customers/tiers.csv").with(user(Fixtures.principal(manager)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(exported).filteredOn(r -> r.get("Customer code").equals(third.getCode())).singleElement()
                .satisfies(r -> assertThat(r.get("Rank")).isEqualTo("4"))
                .satisfies(r -> assertThat(r.get("Share before")).isEqualTo("0.893617"))
                .satisfies(r -> assertThat(r.get("Tier")).isEqualTo("B"));
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

    private Map<Long, Object> computedAt(Customer... customers) {
        Map<Long, Object> at = new HashMap<>();
        for (Customer c : customers) {
            at.put(c.getId(), jdbc.queryForObject("SELECT computed_at FROM customer_tier WHERE customer_id = ?",
                    Object.class, c.getId()));
        }
        return at;
    }

    private int activeCustomers() {
        return jdbc.queryForObject("SELECT count(*) FROM customer WHERE deleted = FALSE", Integer.class);
    }

    private String detailPage(AppUser viewer, Customer customer) throws Exception {
        return mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(viewer)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private int historyCount(Customer customer) {
        return jdbc.queryForObject("SELECT count(*) FROM tier_change WHERE customer_id = ?", Integer.class,
                customer.getId());
    }
}

package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.preview.application.Preview.Move;
import com.keyaccount.crm.preview.application.WhatIf;
import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.support.SettableClock;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A recompute keeps each customer's window figures between runs and aggregates again only what
 * changed (issue 15 (k)). Whatever happens to the lines between two runs — written, re-imported
 * with another amount, credited, removed, committed while a run reads, or carried out of the
 * window by the passing days — the next run's figures are those of the lines in the window. The
 * expected figures are worked out by hand from the lines each test writes.
 */
@FullStackTest
@Import(SettableClock.Config.class)
@TestPropertySource(properties = SettableClock.SMALL_POOL)
class KeptFiguresTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final SettableClock clock;
    private final ZoneId zone;
    private final TransactionTemplate transaction;
    private final WhatIf whatIf;
    private final RuleDrafts drafts;
    private final List<Long> customers = new ArrayList<>();
    private AppUser director;
    private Customer alpha;
    private Customer beta;

    KeptFiguresTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, SettableClock clock,
            ZoneId businessZone, PlatformTransactionManager transactions, WhatIf whatIf, RuleDrafts drafts) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.clock = clock;
        this.zone = businessZone;
        this.transaction = new TransactionTemplate(transactions);
        this.whatIf = whatIf;
        this.drafts = drafts;
    }

    @BeforeEach
    void book() throws InterruptedException {
        Recomputes.awaitIdle(recompute);
        clock.setToNow();
        director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        alpha = fixtures.customer(manager, Fixtures.unique("甲"));
        beta = fixtures.customer(manager, Fixtures.unique("乙"));
        customers.addAll(List.of(alpha.getId(), beta.getId()));
    }

    @AfterEach
    void removeLines() throws InterruptedException {
        Recomputes.awaitIdle(recompute);
        customers.forEach(id -> jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", id));
        clock.setToNow();
        recompute.run("TEST", "test");
    }

    @Test
    void lines_written_re_imported_credited_and_removed_between_runs_count_as_they_are_at_the_next_run()
            throws Exception {
        LocalDate today = today();
        line(alpha, "A-1", today.minusDays(10), "1000.00", "100.00", today.minusDays(10).plusDays(20));
        line(beta, "B-1", today.minusDays(5), "500.00", null, null);
        recompute.run("TEST", "test");
        assertFigures(alpha, "1000.00", "100.00", 1, "20.00");
        assertFigures(beta, "500.00", null, 1, null);

        line(alpha, "A-CN", today.minusDays(2), "-300.00", "-30.00", null);
        line(beta, "B-2", today.minusDays(1), "40.00", null, null);
        jdbc.update("DELETE FROM sales_order WHERE customer_id = ? AND order_no = 'B-2'", beta.getId());
        recompute.run("TEST", "test");
        assertFigures(alpha, "700.00", "70.00", 1, "20.00");
        assertFigures(beta, "500.00", null, 1, null);

        // the import names the customers of its changed lines itself
        String file = "customer_code,order_no,order_date,amount,due_date,paid_date\n"
                + beta.getCode() + ",B-1," + today.minusDays(5) + ",700," + today.plusDays(25) + ","
                + today.minusDays(5).plusDays(3) + "\n";
        assertThat(Imports.field(Imports.upload(mvc, jdbc, director, "sales", file.getBytes(StandardCharsets.UTF_8)),
                "updated")).isEqualTo("1");
        Recomputes.awaitIdle(recompute);
        recompute.run("TEST", "test");
        assertFigures(alpha, "700.00", "70.00", 1, "20.00");
        assertFigures(beta, "700.00", null, 1, "3.00");

        jdbc.update("DELETE FROM sales_order WHERE customer_id = ? AND order_no = 'A-1'", alpha.getId());
        recompute.run("TEST", "test");
        assertFigures(alpha, "-300.00", "-30.00", 0, null);
        assertFigures(beta, "700.00", null, 1, "3.00");
    }

    /** The window is the twelve months through today: its first day leaves it tomorrow, tomorrow's line enters. */
    @Test
    void as_days_pass_lines_leave_the_window_and_lines_dated_ahead_enter_it() {
        LocalDate today = today();
        LocalDate firstDay = today.minusMonths(12).plusDays(1);
        line(alpha, "OLD", firstDay, "1000.00", null, null);
        line(alpha, "AHEAD", today.plusDays(1), "50.00", null, null);
        line(beta, "LATER", today.plusDays(150), "9.00", null, null);
        recompute.run("TEST", "test");
        assertFigures(alpha, "1000.00", null, 1, null);
        assertFigures(beta, "0", null, 0, null);

        clock.advance(Duration.ofDays(1));
        recompute.run("TEST", "test");
        assertFigures(alpha, "50.00", null, 1, null);

        clock.advance(Duration.ofDays(3));
        recompute.run("TEST", "test");
        assertFigures(alpha, "50.00", null, 1, null);

        // far enough for the window's edges to be read whole: the same figures as line by line
        clock.advance(Duration.ofDays(150));
        recompute.run("TEST", "test");
        assertFigures(alpha, "50.00", null, 1, null);
        assertFigures(beta, "9.00", null, 1, null);

        clock.advance(Duration.ofDays(300));
        recompute.run("TEST", "test");
        assertFigures(alpha, "0", null, 0, null);
        assertFigures(beta, "9.00", null, 1, null);
    }

    @Test
    void a_line_committed_while_a_run_reads_is_counted_by_the_next_run() throws Exception {
        LocalDate today = today();
        line(alpha, "SEEN", today.minusDays(3), "100.00", null, null);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            line(alpha, "LATE", today.minusDays(1), "25.00", null, null);
            written.countDown();
            await(commit);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        recompute.run("TEST", "test");
        assertFigures(alpha, "100.00", null, 1, null);

        commit.countDown();
        late.get(10, TimeUnit.SECONDS);
        recompute.run("TEST", "test");
        assertFigures(alpha, "125.00", null, 2, null);
    }

    /**
     * The preview reads what the next run will: a line written since the last run moves its
     * customer. Beta's 900,000 million rank it first and alpha's 10 last; alpha's 2 million million
     * more then rank alpha first, in tier A.
     */
    @Test
    void the_preview_counts_lines_written_since_the_last_run() {
        LocalDate today = today();
        line(beta, "P-0", today.minusDays(4), "900000000000.00", null, null);
        line(alpha, "P-1", today.minusDays(3), "10.00", null, null);
        recompute.run("TEST", "test");
        assertThat(jdbc.queryForObject("SELECT effective_tier FROM customer_tier WHERE customer_id = ?", String.class,
                alpha.getId())).isEqualTo("C");
        assertThat(movesOf(alpha)).isEmpty();

        line(alpha, "P-2", today.minusDays(2), "2000000000000.00", null, null);
        assertThat(movesOf(alpha)).singleElement().satisfies(move -> {
            assertThat(move.to()).isEqualTo(Tier.A);
            assertThat(move.revenue()).isEqualByComparingTo("2000000000010.00");
        });

        recompute.run("TEST", "test");
        assertThat(movesOf(alpha)).isEmpty();
        assertFigures(alpha, "2000000000010.00", null, 2, null);
    }

    private List<Move> movesOf(Customer customer) {
        try (var moves = whatIf.moves(drafts.rulesInForce())) {
            return moves.filter(move -> move.customerId() == customer.getId()).toList();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private void line(Customer customer, String orderNo, LocalDate day, String amount, String margin,
            LocalDate paid) {
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, margin, paid_date, created_at)
                VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)""", customer.getId(), orderNo, day, new BigDecimal(amount),
                margin == null ? null : new BigDecimal(margin), paid);
    }

    private void assertFigures(Customer customer, String revenue, String margin, long orders, String daysToPay) {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT revenue, margin, order_count, avg_days_to_pay FROM customer_tier WHERE customer_id = ?",
                customer.getId());
        assertThat((BigDecimal) row.get("revenue")).as("revenue of %s", customer.getName())
                .isEqualByComparingTo(revenue);
        if (margin == null) {
            assertThat(row.get("margin")).as("margin of %s", customer.getName()).isNull();
        } else {
            assertThat((BigDecimal) row.get("margin")).as("margin of %s", customer.getName())
                    .isEqualByComparingTo(margin);
        }
        assertThat(((Number) row.get("order_count")).longValue()).as("orders of %s", customer.getName())
                .isEqualTo(orders);
        if (daysToPay == null) {
            assertThat(row.get("avg_days_to_pay")).as("days to pay of %s", customer.getName()).isNull();
        } else {
            assertThat((BigDecimal) row.get("avg_days_to_pay")).as("days to pay of %s", customer.getName())
                    .isEqualByComparingTo(daysToPay);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

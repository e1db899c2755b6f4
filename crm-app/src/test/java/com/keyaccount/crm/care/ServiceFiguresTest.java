package com.keyaccount.crm.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.keyaccount.crm.care.application.CareSpending;
import com.keyaccount.crm.care.application.CareSpending.CustomerYear;
import com.keyaccount.crm.care.application.CareSpending.Line;
import com.keyaccount.crm.complaint.application.ComplaintQueries;
import com.keyaccount.crm.complaint.application.ServicePanel;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.dashboard.application.ServiceCards;
import com.keyaccount.crm.lost.application.Retention;
import com.keyaccount.crm.lost.application.Retention.Group;
import com.keyaccount.crm.lost.application.Retention.Period;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.survey.application.SatisfactionReport;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The care page's and the retention report's figures, now summed in SQL per manager and tier,
 * worked out by hand for one manager's small book on 2026-09-18 (care rules as shipped: yearly
 * budgets A ¥20,000, B ¥8,000, C ¥2,000 per customer); and the director's service panel, which
 * no longer joins each complaint and response to its customer, still leaving deleted ones out.
 */
@FullStackTest
@Import(CareClock.class)
class ServiceFiguresTest {

    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final CareSpending spending;
    private final Retention retention;
    private final ComplaintQueries complaints;
    private final SatisfactionReport satisfaction;
    private final ServiceCards cards;

    ServiceFiguresTest(Fixtures fixtures, JdbcTemplate jdbc, CareSpending spending, Retention retention,
            ComplaintQueries complaints, SatisfactionReport satisfaction, ServiceCards cards) {
        this.cards = cards;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.spending = spending;
        this.retention = retention;
        this.complaints = complaints;
        this.satisfaction = satisfaction;
    }

    @Test
    void spending_against_budget_per_tier_and_the_largest_givers_first() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer a = customer(manager, "甲", "A", "ACTIVE");
        Customer ownBudget = customer(manager, "乙", "B", "ACTIVE");
        Customer unclassified = customer(manager, "丙", null, "DORMANT");
        Customer lost = customer(manager, "丁", "A", "LOST");
        customer(manager, "戊", null, "PROSPECT");
        jdbc.update("INSERT INTO customer_care_budget (customer_id, amount, set_by, set_at) VALUES (?, 3000, 'd', ?)",
                ownBudget.getId(), Timestamp.from(CareClock.NOW));
        gift(a, "2026-03-01", "1000.00", "DONE");
        gift(a, "2026-09-01", "500.00", "DONE");
        gift(a, "2025-12-31", "9000.00", "DONE");
        gift(unclassified, "2026-05-05", "5000.00", "PENDING_APPROVAL");
        gift(lost, "2026-02-02", "500.00", "DONE");

        CareSpending.Book book = spending.book(viewer(manager), 2026);

        // the lost customer has no budget but its gift counts; a gift of last year or still waiting does not;
        // the prospect with nothing given is not served
        assertThat(book.byTier()).extracting(Line::key, Line::customers, l -> plain(l.budget().budget()),
                l -> plain(l.budget().spent()))
                .containsExactly(tuple("A", 2L, "20000", "2000"), tuple("B", 1L, "3000", "0"),
                        tuple("C", 1L, "2000", "0"));
        assertThat(book.byManager()).singleElement().satisfies(l -> {
            assertThat(l.customers()).isEqualTo(4);
            assertThat(l.budget().budget()).isEqualByComparingTo("25000");
            assertThat(l.budget().spent()).isEqualByComparingTo("2000");
        });
        assertThat(book.total().spent()).isEqualByComparingTo("2000");
        assertThat(book.spenders()).isEqualTo(2);
        assertThat(book.customers()).extracting(CustomerYear::customerId, c -> plain(c.budget().spent()),
                c -> c.budget().over()).containsExactly(tuple(a.getId(), "1500", false),
                        tuple(lost.getId(), "500", true));
    }

    @Test
    void churn_and_retention_per_quarter_count_who_was_there_at_its_start() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer stays = customer(manager, "留", "B", "ACTIVE");
        Customer lostInMay = customer(manager, "五月流失", "A", "LOST");
        Customer lostLastYear = customer(manager, "去年流失", "A", "LOST");
        Customer wonBack = customer(manager, "赢回", "C", "ACTIVE");
        Customer newThisYear = customer(manager, "新", null, "ACTIVE");
        Customer prospect = customer(manager, "潜在", null, "PROSPECT");
        for (Customer c : new Customer[] {stays, lostInMay, lostLastYear, wonBack, prospect}) {
            created(c, "2025-06-01");
        }
        created(newThisYear, "2026-03-01");
        loss(lostInMay, manager, "2026-05-10", "A", null);
        loss(lostLastYear, manager, "2025-10-01", "A", null);
        loss(wonBack, manager, "2025-11-01", "C", "2026-02-01");

        Retention.Report report = retention.of(viewer(manager), 2026);

        // Q1: lost last year and not yet won back on 1 January are not there; the new one came later
        // Q2: won back in February and created in March: both there on 1 April; one lost in May
        // Q3: the one lost in May is gone; Q4 has not begun on 18 September
        assertThat(report.quarters()).extracting(Period::label, p -> p.rate().atStart(), p -> p.rate().lost())
                .containsExactly(tuple("Q1", 2L, 0L), tuple("Q2", 4L, 1L), tuple("Q3", 3L, 0L));
        assertThat(report.wholeYear().atStart()).isEqualTo(2);
        assertThat(report.wholeYear().lost()).isEqualTo(1);
        assertThat(report.byTier()).extracting(Group::key, g -> g.rate().atStart(), g -> g.rate().lost())
                .containsExactly(tuple("A", 1L, 1L), tuple("B", 1L, 0L));
        assertThat(report.byManager()).extracting(g -> g.rate().atStart(), g -> g.rate().lost())
                .containsExactly(tuple(2L, 1L));
    }

    @Test
    void the_directors_service_panel_leaves_deleted_customers_out() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Viewer director = viewer(fixtures.user(Role.SALES_DIRECTOR));
        Instant from = CareClock.NOW.minus(Duration.ofDays(30));
        Instant to = CareClock.NOW.plus(Duration.ofDays(1));
        ServicePanel before = complaints.panel(director, from, to);
        long responsesBefore = satisfaction.panel(director).responses();
        Customer kept = customer(manager, "在册", "A", "ACTIVE");
        Customer deleted = customer(manager, "已删除", "A", "ACTIVE");
        for (Customer c : new Customer[] {kept, deleted}) {
            overdueComplaint(c);
            response(c);
        }
        jdbc.update("UPDATE customer SET deleted = TRUE, deleted_at = ? WHERE id = ?", Timestamp.from(CareClock.NOW),
                deleted.getId());

        ServicePanel after = complaints.panel(director, from, to);

        assertThat(after.open() - before.open()).isEqualTo(1);
        assertThat(after.overdue() - before.overdue()).isEqualTo(1);
        assertThat(satisfaction.panel(director).responses() - responsesBefore).isEqualTo(1);
    }

    @Test
    void the_service_panel_read_side_by_side_keeps_each_viewers_own_figures() {
        AppUser mine = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser theirs = fixtures.user(Role.ACCOUNT_MANAGER);
        Viewer director = viewer(fixtures.user(Role.SALES_DIRECTOR));
        Instant from = CareClock.NOW.minus(Duration.ofDays(30));
        Instant to = CareClock.NOW.plus(Duration.ofDays(1));
        int year = 2026;
        ServiceCards.Cards directorBefore = cards.of(director, from, to, year);
        Customer one = customer(mine, "我的一", "A", "ACTIVE");
        Customer two = customer(mine, "我的二", "B", "ACTIVE");
        Customer other = customer(theirs, "别人的", "A", "ACTIVE");
        created(one, "2025-12-01");
        created(two, "2025-12-01");
        overdueComplaint(one);
        overdueComplaint(other);
        response(one);
        response(two);
        response(other);

        ServiceCards.Cards manager = cards.of(viewer(mine), from, to, year);
        ServiceCards.Cards all = cards.of(director, from, to, year);

        // the manager: one complaint and two answers of their own; two customers at the year's start
        assertThat(manager.complaints().open()).isEqualTo(1);
        assertThat(manager.satisfaction().responses()).isEqualTo(2);
        assertThat(manager.retention().wholeYear().atStart()).isEqualTo(2);
        // the director: everyone's, i.e. two complaints and three answers more than before
        assertThat(all.complaints().open() - directorBefore.complaints().open()).isEqualTo(2);
        assertThat(all.satisfaction().responses() - directorBefore.satisfaction().responses()).isEqualTo(3);
    }

    private void overdueComplaint(Customer customer) {
        Instant received = CareClock.NOW.minus(Duration.ofDays(5));
        jdbc.update("""
                INSERT INTO complaint (customer_id, owner_id, channel, category, severity, description, status, tier,
                    policy_version, received_at, received_by, answer_due_at, resolve_due_at, submission_token)
                SELECT c.id, c.owner_id, 'PHONE', 'DELIVERY', 'MAJOR', '到货晚了', 'RECEIVED', 'A', 0, ?, 'test', ?, ?, ?
                FROM customer c WHERE c.id = ?""", Timestamp.from(received),
                Timestamp.from(received.plus(Duration.ofHours(4))), Timestamp.from(received.plus(Duration.ofDays(2))),
                Fixtures.unique("complaint"), customer.getId());
    }

    private void response(Customer customer) {
        jdbc.update("""
                INSERT INTO survey_response (customer_id, owner_id, version, channel, answered_at, score, recommend,
                    created_at)
                SELECT c.id, c.owner_id, 1, 'PHONE', ?, 80.0, 9, ? FROM customer c WHERE c.id = ?""",
                Timestamp.from(CareClock.NOW.minus(Duration.ofDays(3))), Timestamp.from(CareClock.NOW),
                customer.getId());
    }

    private Customer customer(AppUser owner, String name, String tier, String status) {
        Customer customer = fixtures.customer(owner, Fixtures.unique(name));
        jdbc.update("UPDATE customer SET status = ? WHERE id = ?", status, customer.getId());
        if (tier != null) {
            jdbc.update("""
                    INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                        revenue, order_count) VALUES (?, ?, ?, 1, ?, 0, 0)""", customer.getId(), tier, tier,
                    Timestamp.from(CareClock.NOW));
        }
        return customer;
    }

    private void created(Customer customer, String day) {
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?",
                OffsetDateTime.parse(day + "T00:00:00+08:00"), customer.getId());
    }

    private void gift(Customer customer, String on, String cost, String state) {
        jdbc.update("""
                INSERT INTO care_task (task_key, customer_id, occasion, occasion_name, occasion_on, assignee_id, state,
                    gift, cost, done_on, requested_by, created_at)
                SELECT ?, c.id, 'HOLIDAY', '春节', ?, c.owner_id, ?, '礼品', CAST(? AS NUMERIC(14, 2)), ?, 'someone', ?
                FROM customer c WHERE c.id = ?""", Fixtures.unique("gift"), Date.valueOf(on), state, cost,
                Date.valueOf(on), Timestamp.from(CareClock.NOW), customer.getId());
    }

    private void loss(Customer customer, AppUser owner, String on, String tier, String wonBackOn) {
        jdbc.update("""
                INSERT INTO customer_loss (customer_id, open_customer_id, lost_on, reason, owner_id, tier, recorded_by,
                    recorded_at, won_back_on) VALUES (?, ?, ?, 'PRICE', ?, ?, 'test', ?, ?)""", customer.getId(),
                wonBackOn == null ? customer.getId() : null, Date.valueOf(LocalDate.parse(on)), owner.getId(), tier,
                Timestamp.from(CareClock.NOW), wonBackOn == null ? null : Date.valueOf(LocalDate.parse(wonBackOn)));
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static Viewer viewer(AppUser user) {
        return Fixtures.principal(user).viewer();
    }
}

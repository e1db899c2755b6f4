package com.keyaccount.crm.followup;

import static com.keyaccount.crm.followup.MyDayTest.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.prospect.application.GradeCommand;
import com.keyaccount.crm.prospect.application.ProspectNotFoundException;
import com.keyaccount.crm.prospect.application.OrderWins;
import com.keyaccount.crm.prospect.application.ProspectService;
import com.keyaccount.crm.prospect.editor.LadderPublishing;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Prospects on My day by their close-time class (issue 17), on Friday 2026-09-18 (see
 * {@link FixedClock}). Expected dates are worked out by hand from the 2026 holiday notice: 09-20
 * (Sunday) is a make-up working day, 09-25..27 are 中秋, 10-01..07 are 国庆, 10-10 (Saturday) is a
 * make-up working day. Cadences are the seed ladder's: A 1, B 7, C 15, D 30, E 365 days.
 */
@FullStackTest
@Import({FixedClock.class, FollowUpBook.class})
class ProspectCadenceTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final FollowUpBook book;
    private final JdbcTemplate jdbc;
    private final ProspectService prospects;
    private final OrderWins orderWins;
    private final FollowUpSchedule followUps;
    private final LadderPublishing ladderPublishing;
    private final ScheduleRefresh refresh;

    ProspectCadenceTest(MockMvc mvc, Fixtures fixtures, FollowUpBook book, JdbcTemplate jdbc, ProspectService prospects,
            OrderWins orderWins,
            FollowUpSchedule followUps, LadderPublishing ladderPublishing, ScheduleRefresh refresh) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.book = book;
        this.jdbc = jdbc;
        this.prospects = prospects;
        this.orderWins = orderWins;
        this.followUps = followUps;
        this.ladderPublishing = ladderPublishing;
        this.refresh = refresh;
    }

    @Test
    void a_graded_prospect_is_due_by_its_class_and_my_day_says_so_beside_an_ungraded_one() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer graded = prospect(manager, "B类潜在客户");
        grade(manager, graded, CloseClass.B, "60000");
        book.logContact(manager, graded, "PHONE", "2026-09-11T10:00", null);
        Customer ungraded = prospect(manager, "未评定潜在客户");
        book.logContact(manager, ungraded, "PHONE", "2026-08-19T10:00", null);

        // B: Fri 09-11 + 7 = Fri 09-18, today
        assertThat(book.dueOn(graded)).isEqualTo(LocalDate.of(2026, 9, 18));
        assertThat(book.dueRule(graded)).isEqualTo("PROSPECT_CLASS");
        // ungraded: as before, tier C every 30 days: Wed 08-19 + 30 = Fri 09-18
        assertThat(book.dueOn(ungraded)).isEqualTo(LocalDate.of(2026, 9, 18));
        assertThat(book.dueRule(ungraded)).isEqualTo("ANY_CONTACT");

        String today = section(page("/my-day", manager, "en"), "due-today");
        assertThat(row(today, graded)).contains("Prospect A21 · priority A",
                "prospect class B (closes within 3 months): every 7 days; last contact 2026-09-11");
        assertThat(row(today, ungraded)).contains("Prospect A21", "contact every 30 days; last contact 2026-08-19")
                .doesNotContain("priority");
        assertThat(row(section(page("/my-day", manager, "zh-CN"), "due-today"), graded))
                .contains("潜在客户 A21 · 优先级 A", "潜在客户 B 类（预计 3 个月内成交）：每 7 天跟进一次；上次联系 2026-09-11");
    }

    @Test
    void a_regrade_reschedules_at_once_and_the_customer_page_tells_why() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer p = prospect(manager, "重新评定");
        book.logContact(manager, p, "VISIT", "2026-09-11T10:00", null);
        grade(manager, p, CloseClass.D, null);
        // D: Fri 09-11 + 30 = Sun 10-11 (10-10 is the make-up Saturday, 10-11 is not) -> Mon 10-12
        assertThat(book.dueOn(p)).isEqualTo(LocalDate.of(2026, 10, 12));

        grade(manager, p, CloseClass.A, null);
        // A: Fri 09-11 + 1 = Sat 09-12 -> Mon 09-14; overdue on Friday 09-18 by 09-15..18 = 4 working days
        assertThat(book.dueOn(p)).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(row(section(page("/my-day", manager, "en"), "due-overdue"), p)).contains("4 working days",
                "prospect class A (closes within a month): every day", "priority A");

        String detail = page("/customers/" + p.getId(), manager, "en");
        assertThat(section(detail, "next-follow-up")).contains("Next follow-up", "Overdue since 2026-09-14",
                "prospect class A (closes within a month)");
    }

    @Test
    void the_week_view_shows_a_prospects_badge_and_class() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer p = prospect(manager, "本周潜在客户");
        grade(manager, p, CloseClass.B, "120000");
        book.logContact(manager, p, "PHONE", "2026-09-15T10:00", null);
        // B: Tue 09-15 + 7 = Tue 09-22
        assertThat(book.dueOn(p)).isEqualTo(LocalDate.of(2026, 9, 22));

        String day = section(page("/my-day/calendar", manager, "en"), "day-2026-09-22");
        assertThat(day).contains(p.getName(), "Prospect A21 · priority A", "prospect class B: every 7 days");
    }

    @Test
    void among_follow_ups_due_alike_higher_priority_classes_come_first() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        // created in the opposite order of their priority, so the customer id cannot explain the order
        Customer customer = book.customer(manager, "普通客户", LocalDate.of(2026, 6, 1));
        Customer classC = prospect(manager, "优先级C");
        Customer classB = prospect(manager, "优先级B");
        Customer classA = prospect(manager, "优先级A");
        // close-time class D (30 days) for all three: priority by expected value: > 100k A, 50-100k B, else C
        grade(manager, classC, CloseClass.D, null);
        grade(manager, classB, CloseClass.D, "60000");
        grade(manager, classA, CloseClass.D, "150000");
        for (Customer c : List.of(customer, classC, classB, classA)) {
            // Wed 08-19 + 30 = Fri 09-18: all four due today, all tier C
            book.logContact(manager, c, "PHONE", "2026-08-19T10:00", null);
            assertThat(book.dueOn(c)).isEqualTo(LocalDate.of(2026, 9, 18));
        }

        String today = section(page("/my-day", manager, "en"), "due-today");
        int a = today.indexOf(classA.getName());
        int b = today.indexOf(classB.getName());
        int c = today.indexOf(classC.getName());
        int plain = today.indexOf(customer.getName());
        assertThat(List.of(a, b, c, plain)).allMatch(i -> i >= 0);
        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(c).as("prospects by priority first, then the rest").isLessThan(plain);
        assertThat(row(today, classC)).contains("priority C");
    }

    @Test
    void another_managers_prospect_is_not_on_my_day_and_cannot_be_graded_by_me() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer theirs = prospect(owner, "别人的潜在客户");
        grade(owner, theirs, CloseClass.A, null);
        book.logContact(owner, theirs, "PHONE", "2026-09-17T10:00", null);
        // A: Thu 09-17 + 1 = Fri 09-18

        assertThat(section(page("/my-day", owner, "en"), "due-today")).contains(theirs.getName());
        assertThat(page("/my-day", other, "en")).doesNotContain(theirs.getName());
        assertThat(page("/my-day?manager=" + owner.getId(), other, "en")).as("a manager sees only their own day")
                .doesNotContain(theirs.getName());
        assertThatThrownBy(() -> grade(other, theirs, CloseClass.E, null))
                .isInstanceOf(ProspectNotFoundException.class);
        assertThat(book.dueRule(theirs)).isEqualTo("PROSPECT_CLASS");
        assertThat(jdbc.queryForObject("SELECT close_class FROM prospect WHERE customer_id = ?", String.class,
                theirs.getId())).isEqualTo("A");
    }

    @Test
    void a_prospect_won_by_its_first_order_leaves_its_class_cadence() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer p = prospect(manager, "首单客户");
        grade(manager, p, CloseClass.A, null);
        book.logContact(manager, p, "PHONE", "2026-09-17T10:00", null);
        assertThat(book.dueRule(p)).isEqualTo("PROSPECT_CLASS");
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, ?, ?, 5000, CURRENT_TIMESTAMP)""", p.getId(), Fixtures.unique("SO"),
                Date.valueOf(LocalDate.of(2026, 9, 17)));

        try {
            orderWins.winByOrders("erp");

            assertThat(jdbc.queryForObject("SELECT status FROM customer WHERE id = ?", String.class, p.getId()))
                    .isEqualTo("ACTIVE");
            // a customer of tier C again: Thu 09-17 + 30 = Sat 10-17 -> Mon 10-19
            assertThat(book.dueOn(p)).isEqualTo(LocalDate.of(2026, 10, 19));
            assertThat(book.dueRule(p)).isEqualTo("ANY_CONTACT");
            assertThat(section(page("/customers/" + p.getId(), manager, "en"), "next-follow-up"))
                    .contains("contact every 30 days").doesNotContain("prospect class");
        } finally {
            // the tier tests rank the whole database's revenue in the window: leave none behind
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", p.getId());
        }
    }

    @Test
    void a_new_ladder_reschedules_the_graded_prospects_by_its_cadences() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer p = prospect(manager, "新阶梯");
        grade(manager, p, CloseClass.B, null);
        book.logContact(manager, p, "PHONE", "2026-09-11T10:00", null);
        assertThat(book.dueOn(p)).isEqualTo(LocalDate.of(2026, 9, 18));

        ProspectLadder seed = SeedLadder.ladder();
        Map<CloseClass, Integer> fortnightly = new EnumMap<>(seed.cadenceDays());
        fortnightly.put(CloseClass.B, 14);
        // the admin's editor publishes it: the schedule must follow without anything else
        AppUser admin = fixtures.user(Role.ADMIN);
        int version = ladderPublishing.publish(Fixtures.principal(admin).viewer(), new ProspectLadder(seed.stages(),
                seed.projectFactors(), seed.targetIndustries(), seed.minAnnualSales(), fortnightly),
                ladderPublishing.inForce().version());
        try {
            awaitRefresh();
            // B every 14 days: Fri 09-11 + 14 = Fri 09-25 (中秋 to Sun 09-27) -> Mon 09-28
            assertThat(book.dueOn(p)).isEqualTo(LocalDate.of(2026, 9, 28));
            assertThat(section(page("/customers/" + p.getId(), manager, "en"), "next-follow-up"))
                    .contains("Due 2026-09-28", "prospect class B (closes within 3 months): every 14 days");
        } finally {
            jdbc.update("DELETE FROM prospect_ladder WHERE version = ?", version);
            followUps.refresh(List.of(p.getId()));
        }
    }

    private Customer prospect(AppUser owner, String name) {
        Customer customer = book.customer(owner, name, LocalDate.of(2026, 6, 1));
        jdbc.update("UPDATE customer SET status = 'PROSPECT' WHERE id = ?", customer.getId());
        followUps.refreshInBatches(List.of(customer.getId()));
        return customer;
    }

    private void grade(AppUser user, Customer customer, CloseClass closeClass, String value) {
        List<Long> versions = jdbc.queryForList("SELECT version FROM prospect WHERE customer_id = ?", Long.class,
                customer.getId());
        prospects.grade(Fixtures.principal(user).viewer(), customer.getId(), new GradeCommand(closeClass,
                value == null ? null : new BigDecimal(value), versions.isEmpty() ? null : versions.get(0)));
    }

    private void awaitRefresh() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (refresh.isRunning() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private String page(String url, AppUser viewer, String language) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The HTML of one My day row, so an assertion cannot be satisfied by another row. */
    private static String row(String html, Customer customer) {
        int start = html.indexOf("id=\"due-row-" + customer.getId() + "\"");
        assertThat(start).as("row of " + customer.getName()).isNotNegative();
        int end = html.indexOf("</li>", start);
        return html.substring(start, end);
    }
}

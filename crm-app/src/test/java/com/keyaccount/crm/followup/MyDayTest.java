package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.ContactDetails;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.application.TierOverrides;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * My day on Friday 2026-09-18 (see {@link FixedClock}). Expected dates are worked out by hand
 * from the 2026 holiday notice: 09-20 (Sunday) is a make-up working day, 09-25..27 are 中秋,
 * 10-01..07 are 国庆, 10-10 (Saturday) is a make-up working day.
 */
@FullStackTest
@Import({FixedClock.class, FollowUpBook.class})
class MyDayTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final FollowUpBook book;
    private final JdbcTemplate jdbc;
    private final TierOverrides overrides;
    private final ContactService contacts;
    private final CustomerService customers;

    MyDayTest(MockMvc mvc, Fixtures fixtures, FollowUpBook book, JdbcTemplate jdbc, TierOverrides overrides,
            ContactService contacts, CustomerService customers) {
        this.customers = customers;
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.book = book;
        this.jdbc = jdbc;
        this.overrides = overrides;
        this.contacts = contacts;
    }

    @Test
    void logging_a_contact_from_my_day_takes_the_customer_off_the_overdue_list() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer late = book.customer(manager, "逾期客户", LocalDate.of(2026, 6, 1));
        book.logContact(manager, late, "PHONE", "2026-08-01T10:00", null);
        // C: every 30 days. 08-01 + 30 = 08-31, a Monday. Working days after it up to 09-18:
        // 09-01..04 (4), 09-07..11 (5), 09-14..18 (5) = 14.
        assertThat(book.dueOn(late)).isEqualTo(LocalDate.of(2026, 8, 31));
        String before = myDay(manager);
        assertThat(section(before, "due-overdue")).contains(late.getName(), "14 working days");
        assertThat(page("/my-day/overdue", manager)).as("show all").contains(late.getName(), "Overdue");

        mvc.perform(post("/customers/{id}/logs", late.getId()).with(user(Fixtures.principal(manager))).with(csrf())
                        .param("channel", "VISIT").param("occurredAt", "2026-09-18T09:30")
                        .param("summary", "上门拜访，确认续约").param("back", "my-day")
                        .param("submissionToken", java.util.UUID.randomUUID().toString()))
                .andExpect(redirectedUrl("/my-day"));

        // 09-18 + 30 = 10-18, a Sunday (not a make-up day) -> Monday 10-19
        assertThat(book.dueOn(late)).isEqualTo(LocalDate.of(2026, 10, 19));
        String after = myDay(manager);
        assertThat(section(after, "due-overdue")).doesNotContain(late.getName());
        assertThat(section(after, "due-week")).doesNotContain(late.getName());
    }

    @Test
    void a_due_date_on_a_weekend_moves_to_the_make_up_working_day_and_an_agreed_date_is_kept() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer weekend = book.customer(manager, "调休客户", LocalDate.of(2026, 6, 1));
        book.logContact(manager, weekend, "WECHAT", "2026-08-20T15:00", null);
        // 08-20 + 30 = 09-19, a Saturday; Sunday 09-20 is a make-up working day
        assertThat(book.dueOn(weekend)).isEqualTo(LocalDate.of(2026, 9, 20));

        Customer agreed = book.customer(manager, "约定客户", LocalDate.of(2026, 6, 1));
        book.logContact(manager, agreed, "PHONE", "2026-09-17T11:00", "2026-09-25");
        // the customer agreed to 09-25, a 中秋 holiday: kept as agreed, earlier than 09-17 + 30
        assertThat(book.dueOn(agreed)).isEqualTo(LocalDate.of(2026, 9, 25));
        assertThat(book.dueRule(agreed)).isEqualTo("AGREED_DATE");

        String week = section(myDay(manager), "due-week");
        assertThat(week).contains(weekend.getName(), "last contact 2026-08-20");
        // "the next seven days" after Friday 09-18 are 09-19..09-25
        assertThat(week).contains(agreed.getName(), "next contact agreed with the customer");
    }

    @Test
    void an_upgrade_gives_the_new_cadence_a_grace_period_instead_of_making_it_overdue_at_once() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer upgraded = book.customer(manager, "升级客户", LocalDate.of(2026, 6, 1));
        book.logContact(manager, upgraded, "PHONE", "2026-09-01T10:00", null);
        book.classify(upgraded, "C");
        assertThat(book.dueOn(upgraded)).as("C: 09-01 + 30 = 10-01, 国庆 -> 10-08").isEqualTo(LocalDate.of(2026, 10, 8));

        overrides.pin(Fixtures.principal(director).viewer(), upgraded.getId(), Tier.A, "集团战略客户", null);

        // A: contact every 7 days (09-08) and visit every 30 days, never visited (since 06-01 -> 07-01):
        // both already past. Upgraded 09-18 + 7 days grace = 09-25, a 中秋 holiday -> Monday 09-28,
        // which is before C's 10-08, so the grace end is the due date.
        assertThat(book.dueOn(upgraded)).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(book.dueRule(upgraded)).isEqualTo("UPGRADE_GRACE");
        assertThat(section(myDay(manager), "due-overdue")).doesNotContain(upgraded.getName());
    }

    @Test
    void a_manager_sees_only_their_own_day_while_a_director_can_open_any_managers_day() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = book.customer(owner, "别人的客户", LocalDate.of(2026, 1, 5));

        String othersView = page("/my-day?manager=" + owner.getId(), other);
        assertThat(othersView).doesNotContain(customer.getName());
        String directorsView = page("/my-day?manager=" + owner.getId(), director);
        // never contacted, C since 01-05: due 02-04, overdue
        assertThat(section(directorsView, "due-overdue")).contains(customer.getName(), "never contacted");
    }

    @Test
    void special_days_show_birthdays_and_the_make_up_working_day_of_the_coming_week() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = book.customer(manager, "生日客户", LocalDate.of(2026, 6, 1));
        String name = Fixtures.unique("王总");
        contacts.add(Fixtures.principal(manager).viewer(), customer.getId(), new ContactDetails(name, "总经理",
                DecisionRole.DECISION_MAKER, null, null, LocalDate.of(1975, 9, 21), null, null));
        String notThisWeek = Fixtures.unique("李总");
        contacts.add(Fixtures.principal(manager).viewer(), customer.getId(), new ContactDetails(notThisWeek, null,
                DecisionRole.USER, null, null, LocalDate.of(1980, 9, 25), null, null));

        String special = section(myDay(manager), "special-days");
        assertThat(special).contains(name + "&#39;s birthday", "2026-09-21", "Make-up working day");
        assertThat(special).as("09-25 is past 09-24, the last day of the coming week").doesNotContain(notThisWeek);
    }

    /** A big book has more special days a week than anyone reads: the soonest thirty, the rest counted. */
    @Test
    void special_days_list_the_soonest_thirty_and_count_the_rest() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = book.customer(manager, "生日多的客户", LocalDate.of(2026, 6, 1));
        var viewer = Fixtures.principal(manager).viewer();
        // 09-18 is today: an anniversary of 2016 marks 10 years, and comes before everything on later days
        String today = Fixtures.unique("今天周年");
        contacts.add(viewer, customer.getId(), new ContactDetails(today, null, DecisionRole.USER, null, null, null,
                LocalDate.of(2016, 9, 18), null));
        for (int i = 0; i < 31; i++) {
            contacts.add(viewer, customer.getId(), new ContactDetails(Fixtures.unique("周一生日"), null,
                    DecisionRole.USER, null, null, LocalDate.of(1980, 9, 21), null, null));
        }
        // 09-24, the last day of the coming week: the 33rd special day, so not among the first thirty
        String last = Fixtures.unique("最后一天");
        contacts.add(viewer, customer.getId(), new ContactDetails(last, null, DecisionRole.USER, null, null,
                LocalDate.of(1990, 9, 24), null, null));
        // a birthday typed a year ahead is not celebrated before it happens
        String future = Fixtures.unique("未来");
        contacts.add(viewer, customer.getId(), new ContactDetails(future, null, DecisionRole.USER, null, null,
                LocalDate.of(2027, 9, 20), null, null));

        String special = section(myDay(manager), "special-days");
        assertThat(special).contains(today + ": anniversary (10 years)");
        assertThat(special.indexOf(today)).as("today's comes first").isLessThan(special.indexOf("周一生日"));
        assertThat(special.split("class=\"when\"", -1).length - 1)
                .as("seven calendar days at most and thirty special days").isLessThanOrEqualTo(37);
        assertThat(special).doesNotContain(last, future);
        // 1 + 31 + 1 = 33 special days, 30 listed
        assertThat(special).contains("and 3 more");
    }

    @Test
    void a_profile_not_verified_for_90_days_is_listed_until_its_owner_verifies_it() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer stale = book.customer(manager, "待核实", LocalDate.of(2026, 1, 5));
        jdbc.update("UPDATE customer SET verified_at = ? WHERE id = ?",
                FollowUpBook.startOf(LocalDate.of(2026, 6, 19)), stale.getId());
        Customer fresh = book.customer(manager, "已核实", LocalDate.of(2026, 1, 5));
        jdbc.update("UPDATE customer SET verified_at = ? WHERE id = ?",
                Timestamp.from(FixedClock.NOW.minusSeconds(89L * 24 * 3600)), fresh.getId());

        String verify = section(myDay(manager), "verify");
        assertThat(verify).contains(stale.getName()).doesNotContain(fresh.getName());

        mvc.perform(post("/customers/{id}/verify", stale.getId()).param("back", "my-day")
                        .with(user(Fixtures.principal(manager))).with(csrf()))
                .andExpect(redirectedUrl("/my-day#verify"));
        assertThat(section(myDay(manager), "verify")).doesNotContain(stale.getName());
    }

    @Test
    void a_new_customer_is_scheduled_in_the_transaction_that_creates_it_and_unscheduled_when_deleted() {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer created = customers.create(Fixtures.principal(manager).viewer(), new CustomerProfile(
                Fixtures.unique("N"), Fixtures.unique("新客户"), Industry.WHOLESALE_RETAIL, Region.NORTH, null, null, null, null,
                null, CustomerStatus.PROSPECT, null, false, null, null), null);
        // unclassified = C, every 30 days from today: 10-18 is a Sunday -> Monday 10-19
        assertThat(book.dueOn(created)).isEqualTo(LocalDate.of(2026, 10, 19));

        customers.delete(Fixtures.principal(director).viewer(), created.getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM follow_up WHERE customer_id = ?", Integer.class,
                created.getId())).isZero();
    }

    /** A director's My day is the team's: every manager's overdue and due-today customers, by manager. */
    @Test
    void a_directors_my_day_opens_on_the_team_grouped_by_manager() throws Exception {
        AppUser first = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser second = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        // never contacted, C since 01-05: due 02-04, overdue on 09-18
        Customer late = book.customer(first, "团队逾期客户", LocalDate.of(2026, 1, 5));
        Customer alsoLate = book.customer(second, "团队另一个逾期客户", LocalDate.of(2026, 1, 5));

        String team = page("/my-day", director);

        assertThat(team).contains("id=\"team-totals\"");
        assertThat(section(team, "manager-" + first.getId())).contains(first.getDisplayName(), "1 overdue",
                late.getName()).doesNotContain(alsoLate.getName());
        assertThat(section(team, "manager-" + second.getId())).contains(second.getDisplayName(), alsoLate.getName());
        String own = page("/my-day?manager=" + director.getId(), director);
        assertThat(own).as("their own book stays one choice away").doesNotContain("id=\"team-totals\"", late.getName());
    }

    @Test
    void the_home_page_of_an_account_manager_is_my_day() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        mvc.perform(get("/").with(user(Fixtures.principal(manager)))).andExpect(redirectedUrl("/my-day"));
    }

    private String myDay(AppUser manager) throws Exception {
        return page("/my-day", manager);
    }

    private String page(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The HTML of the section with this id, so an assertion cannot be satisfied by another section. */
    static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }
}

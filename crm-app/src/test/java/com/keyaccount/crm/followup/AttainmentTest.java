package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 达成率 for 2026-09-01..09-18 (18 days) on a hand-built book, default quotas:
 * <pre>
 * customer  tier  required contacts        made (in period)  counted   visits required
 * steady    A     floor(18 / 7)  = 2       3 phone calls      2         floor(18 / 30) = 0
 * waiting   B     floor(18 / 14) = 1       0                  0         floor(18 / 90) = 0
 * busy      C     floor(18 / 30) = 0       5 (all in 30 days) 0         none
 * total           3                        8                  2  -> floor(2 * 100 / 3) = 66%
 * </pre>
 * waiting is below quota; busy is over-serviced (5 contacts in the last 30 days, C allows 4).
 */
@FullStackTest
@Import({FixedClock.class, FollowUpBook.class})
class AttainmentTest {

    private static final String PERIOD = "/attainment?from=2026-09-01&to=2026-09-18";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final FollowUpBook book;
    private AppUser manager;
    private Customer steady;
    private Customer waiting;
    private Customer busy;

    AttainmentTest(MockMvc mvc, Fixtures fixtures, FollowUpBook book) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.book = book;
    }

    @BeforeEach
    void book() throws Exception {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        LocalDate longAgo = LocalDate.of(2026, 3, 2);
        steady = book.customer(manager, "稳定客户", longAgo);
        book.classify(steady, "A");
        waiting = book.customer(manager, "等待客户", longAgo);
        book.classify(waiting, "B");
        busy = book.customer(manager, "频繁客户", longAgo);
        book.classify(busy, "C");
        for (String day : new String[] {"2026-09-02", "2026-09-09", "2026-09-16"}) {
            book.logContact(manager, steady, "PHONE", day + "T10:00", null);
        }
        book.logContact(manager, steady, "PHONE", "2026-08-28T10:00", null); // before the period: not counted
        for (String day : new String[] {"2026-08-25", "2026-09-03", "2026-09-08", "2026-09-11", "2026-09-15"}) {
            book.logContact(manager, busy, "WECHAT", day + "T10:00", null);
        }
    }

    @Test
    void a_manager_sees_their_attainment_the_customers_below_quota_and_those_over_serviced() throws Exception {
        String page = page(PERIOD, manager);

        String byTier = MyDayTest.section(page, "by-tier");
        // the total row: 2 counted of 3 required
        assertThat(byTier).contains("2 / 3", "66%");
        String below = MyDayTest.section(page, "below-quota");
        assertThat(below).contains(waiting.getName(), "0 / 1").doesNotContain(steady.getName(), busy.getName());
        String over = MyDayTest.section(page, "over-serviced");
        assertThat(over).contains(busy.getName(), "5 (at most 4)").doesNotContain(steady.getName());
    }

    @Test
    void the_menu_link_without_a_period_opens_on_this_month_so_far() throws Exception {
        // the clock stands at 2026-09-18, so this month so far is the period of the first test
        String page = page("/attainment", manager);

        assertThat(page).doesNotContain("Required.").contains("value=\"2026-09-01\"", "value=\"2026-09-18\"");
        assertThat(MyDayTest.section(page, "by-tier")).contains("2 / 3", "66%");
    }

    @Test
    void a_period_with_one_day_missing_says_so_beside_the_empty_field_and_keeps_the_other() throws Exception {
        String page = page("/attainment?from=2026-09-01&to=", manager);

        assertThat(page).contains("Required.", "value=\"2026-09-01\"").doesNotContain("id=\"by-tier\"");
    }

    @Test
    void a_directors_report_for_one_manager_totals_the_capped_contacts() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String page = page(PERIOD + "&manager=" + manager.getId(), director);

        String byTier = MyDayTest.section(page, "by-tier");
        // A row: 2 counted of 2 required = 100%; B row: 0 of 1 = 0%; C: nothing required
        assertThat(byTier).contains("2 / 2", "100%", "0 / 1", "0%");
        assertThat(MyDayTest.section(page, "below-quota")).contains(waiting.getName());
    }

    @Test
    void a_manager_asking_for_another_managers_book_gets_their_own() throws Exception {
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        String page = page(PERIOD + "&manager=" + manager.getId(), other);
        assertThat(page).doesNotContain(waiting.getName(), busy.getName());
    }

    @Test
    void a_period_that_ends_before_it_starts_is_explained_next_to_the_dates_and_kept() throws Exception {
        String page = page("/attainment?from=2026-09-18&to=2026-09-01", manager);
        assertThat(page).contains("The start date must not be after the end date.", "value=\"2026-09-18\"",
                "value=\"2026-09-01\"").doesNotContain("id=\"by-tier\"");
        String bad = page("/attainment?from=2026-13-45&to=2026-09-01", manager);
        assertThat(bad).contains("value=\"2026-13-45\"").doesNotContain("id=\"by-tier\"");
    }

    private String page(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

package com.keyaccount.crm.followup;

import static com.keyaccount.crm.followup.MyDayTest.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The week view of My day on Saturday 2026-09-19, 10:00 in Shanghai: the week ahead runs to Friday
 * 09-25 and holds a weekend day (today), the make-up working Sunday 09-20 (国庆调休上班) and the
 * first day of 中秋 (09-25), as the State Council's notice for 2026 has them.
 */
@FullStackTest
@Import({WeekAheadTest.SaturdayClock.class, FollowUpBook.class})
class WeekAheadTest {

    @TestConfiguration
    static class SaturdayClock {

        @Bean
        @Primary
        Clock saturday() {
            return Clock.fixed(Instant.parse("2026-09-19T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    private static final LocalDate CREATED = LocalDate.of(2026, 6, 1);

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final FollowUpBook book;

    WeekAheadTest(MockMvc mvc, Fixtures fixtures, FollowUpBook book) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.book = book;
    }

    @Test
    void the_week_lists_each_days_customers_and_marks_the_weekend_the_make_up_day_and_the_holiday()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        // C, every 30 days: 08-21 + 30 = Saturday 09-19, not a working day; Sunday 09-20 is one (调休)
        Customer makeUp = book.customer(manager, "调休日客户", CREATED);
        book.logContact(manager, makeUp, "WECHAT", "2026-08-21T10:00", null);
        // agreed with the customer for 09-25, the first day of 中秋: kept as agreed
        Customer holiday = book.customer(manager, "中秋客户", CREATED);
        book.logContact(manager, holiday, "PHONE", "2026-09-17T11:00", "2026-09-25");
        // last contact 08-01: due 08-31, overdue
        Customer late = book.customer(manager, "逾期客户", CREATED);
        book.logContact(manager, late, "PHONE", "2026-08-01T10:00", null);
        Customer moved = book.customer(manager, "改期客户", CREATED);
        book.logContact(manager, moved, "PHONE", "2026-08-01T10:00", null);
        mvc.perform(post("/customers/{id}/reschedule", moved.getId()).with(user(Fixtures.principal(manager)))
                        .with(csrf()).param("dueOn", "2026-09-22").param("reason", "AWAITING_REPLY"))
                .andExpect(status().is3xxRedirection());
        Customer notMine = book.customer(other, "别人的客户", CREATED);
        book.logContact(other, notMine, "WECHAT", "2026-08-21T10:00", null);

        assertThat(book.dueOn(makeUp)).isEqualTo(LocalDate.of(2026, 9, 20));
        String week = page("/my-day/calendar", manager, "en");

        assertThat(week).contains("id=\"day-2026-09-19\"", "id=\"day-2026-09-25\"")
                .as("seven days").doesNotContain("id=\"day-2026-09-26\"", "id=\"day-2026-09-18\"");
        assertThat(section(week, "day-2026-09-19")).contains("Today", "Weekend", "Nothing due.");
        assertThat(section(week, "day-2026-09-20")).contains("Make-up working day: National Day make-up workday",
                makeUp.getName(), "/customers/" + makeUp.getId()).doesNotContain(notMine.getName());
        assertThat(section(week, "day-2026-09-21")).contains("Working day", "Nothing due.");
        assertThat(section(week, "day-2026-09-22")).contains(moved.getName(),
                "rescheduled: Waiting for the customer&#39;s reply");
        assertThat(section(week, "day-2026-09-25")).contains("Holiday: Mid-Autumn Festival", holiday.getName());
        assertThat(section(week, "week-overdue")).contains("1 overdue");
        assertThat(week).doesNotContain(late.getName(), notMine.getName());

        String chinese = page("/my-day/calendar", manager, "zh-CN");
        assertThat(section(chinese, "day-2026-09-25")).contains("节假日：中秋节");
        assertThat(section(chinese, "day-2026-09-20")).contains("调休上班：国庆调休上班");
    }

    @Test
    void the_week_is_reached_from_my_day_filtered_and_a_director_opens_a_managers_week() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = book.customer(manager, "周视图客户", CREATED);
        book.logContact(manager, customer, "WECHAT", "2026-08-21T10:00", null);

        assertThat(page("/my-day", manager, "en")).contains("id=\"week-link\" href=\"/my-day/calendar\"");
        assertThat(section(page("/my-day/calendar?tier=A", manager, "en"), "day-2026-09-20"))
                .as("only tier A: the C customer is not listed").doesNotContain(customer.getName())
                .contains("Nothing due.");
        assertThat(section(page("/my-day/calendar?manager=" + manager.getId(), director, "en"), "day-2026-09-20"))
                .contains(customer.getName());
        assertThat(section(page("/my-day/calendar?manager=" + manager.getId(), fixtures.user(Role.ACCOUNT_MANAGER),
                "en"), "day-2026-09-20")).as("another manager gets their own week").doesNotContain(customer.getName());
    }

    private String page(String url, AppUser viewer, String language) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE,
                        language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

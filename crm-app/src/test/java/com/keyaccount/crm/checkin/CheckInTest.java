package com.keyaccount.crm.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.checkin.application.CheckIns;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Check in and out at a customer, and the evidence a logged on-site visit gets from it: near
 * (within the default 500 m, precise to 200 m) verifies the visit, far or without a check-in the
 * visit is saved all the same and marked unverified with the reason, in words on the timeline.
 */
@FullStackTest
class CheckInTest {

    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final CheckIns checkIns;
    private final OnSite onSite;
    private AppUser manager;
    private Customer customer;

    CheckInTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, CheckIns checkIns) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.checkIns = checkIns;
        this.onSite = new OnSite(mvc, jdbc);
    }

    @BeforeEach
    void customerWithAPin() throws Exception {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        customer = fixtures.customer(manager, Fixtures.unique("嘉禾农业"));
        onSite.pin(manager, customer);
    }

    @Test
    void checked_in_near_the_customer_the_visit_is_verified_with_its_distance_and_time_on_site() throws Exception {
        var answer = onSite.checkIn(manager, customer, 30, 12);
        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).isEqualTo("/customers/" + customer.getId() + "#on-site");
        Map<String, Object> row = jdbc.queryForMap("SELECT id, in_verdict, in_distance_m, ended FROM check_in "
                + "WHERE customer_id = ?", customer.getId());
        assertThat(row).containsEntry("in_verdict", "VERIFIED").containsEntry("in_distance_m", 30);
        assertThat(row.get("ended")).isNull();

        onSite.log(manager, customer, "VISIT");
        Map<String, Object> check = onSite.visitCheckOfLatestLog(customer);
        assertThat(check).containsEntry("verified", true).containsEntry("check_in_id", row.get("id"));
        assertThat(check.get("reason")).isNull();
        assertThat(badge()).contains("Verified on-site visit", "30 m from the customer", "still checked in");

        // an hour and a quarter at the customer, then out at the gate
        jdbc.update("UPDATE check_in SET in_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(75))), row.get("id"));
        assertThat(onSite.checkOut(manager, customer, 40).getStatus()).isEqualTo(302);
        Map<String, Object> out = jdbc.queryForMap("SELECT ended, out_verdict, out_distance_m, seconds_on_site "
                + "FROM check_in WHERE id = ?", row.get("id"));
        assertThat(out).containsEntry("ended", "CHECKED_OUT").containsEntry("out_verdict", "VERIFIED")
                .containsEntry("out_distance_m", 40);
        assertThat((Integer) out.get("seconds_on_site")).isBetween(75 * 60, 76 * 60);
        assertThat(badge()).contains("Verified on-site visit", "1 h 15 min on site").doesNotContain("still checked in");
    }

    @Test
    void checked_in_far_away_the_visit_is_saved_but_unverified_with_the_distance_and_the_limit() throws Exception {
        onSite.checkIn(manager, customer, 2_300, 12);
        onSite.log(manager, customer, "VISIT");

        assertThat(onSite.visitCheckOfLatestLog(customer)).containsEntry("verified", false)
                .containsEntry("reason", "TOO_FAR");
        assertThat(badge()).contains("Unverified on-site visit", "2.3 km from the customer, more than the 500 m allowed");
    }

    @Test
    void a_visit_without_a_check_in_is_saved_unverified_and_other_channels_get_no_badge() throws Exception {
        onSite.log(manager, customer, "VISIT");
        assertThat(onSite.visitCheckOfLatestLog(customer)).containsEntry("verified", false)
                .containsEntry("reason", "NO_CHECK_IN");
        assertThat(badge()).contains("Unverified on-site visit", "no check-in at the customer that day");

        onSite.log(manager, customer, "PHONE");
        assertThat(onSite.visitCheckOfLatestLog(customer).get("verified")).as("a phone call is no visit").isNull();
    }

    @Test
    void a_visit_typed_before_checking_in_that_day_is_verified_by_the_check_in() throws Exception {
        onSite.log(manager, customer, "VISIT");
        onSite.checkIn(manager, customer, 80, 25);

        assertThat(onSite.visitCheckOfLatestLog(customer)).containsEntry("verified", true);
    }

    @Test
    void an_imprecise_position_or_one_typed_into_the_request_is_saved_and_marked_so() throws Exception {
        onSite.checkIn(manager, customer, 30, 900);
        onSite.checkOut(manager, customer, 30);
        // no accuracy and no time: not what a browser sends
        onSite.send("/customers/{id}/check-in", manager, customer, OnSite.north(10), "121.4737", null, null);
        onSite.checkOut(manager, customer, 30);
        // a position the phone took ten minutes ago: not taken now
        onSite.send("/customers/{id}/check-in", manager, customer, OnSite.north(10), "121.4737", "10",
                String.valueOf(System.currentTimeMillis() - Duration.ofMinutes(10).toMillis()));
        assertThat(verdicts()).containsExactly("TOO_IMPRECISE", "NOT_FROM_DEVICE", "NOT_FROM_DEVICE");
    }

    @Test
    void a_visit_whose_only_check_in_was_typed_into_the_request_says_so() throws Exception {
        onSite.send("/customers/{id}/check-in", manager, customer, OnSite.north(10), "121.4737", null, null);
        onSite.log(manager, customer, "VISIT");

        assertThat(onSite.visitCheckOfLatestLog(customer)).containsEntry("reason", "NOT_FROM_DEVICE");
        assertThat(badge()).contains("Unverified on-site visit", "the position did not come from the phone just now");
    }

    @Test
    void a_customer_without_a_pin_cannot_verify_a_check_in() throws Exception {
        Customer unpinned = fixtures.customer(manager, Fixtures.unique("无位置"));
        onSite.checkIn(manager, unpinned, 0, 10);
        onSite.log(manager, unpinned, "VISIT");

        assertThat(onSite.visitCheckOfLatestLog(unpinned)).containsEntry("reason", "NO_CUSTOMER_LOCATION");
        assertThat(onSite.page(manager, "/customers/{id}", unpinned.getId()))
                .contains("No location yet", "Not verified: the customer has no location yet");
    }

    @Test
    void checking_in_elsewhere_ends_the_open_check_in_without_a_check_out_and_again_here_changes_nothing()
            throws Exception {
        Customer second = fixtures.customer(manager, Fixtures.unique("第二家"));
        onSite.pin(manager, second);
        onSite.checkIn(manager, customer, 20, 10);
        assertThat(onSite.page(manager, "/customers/{id}", second.getId()))
                .contains("You are checked in at " + customer.getName());

        onSite.checkIn(manager, second, 20, 10);
        assertThat(jdbc.queryForObject("SELECT ended FROM check_in WHERE customer_id = ?", String.class,
                customer.getId())).isEqualTo("NEXT_CHECK_IN");
        assertThat(jdbc.queryForObject("SELECT seconds_on_site FROM check_in WHERE customer_id = ?", Integer.class,
                customer.getId())).as("time on site unknown, not the drive").isNull();

        onSite.checkIn(manager, second, 25, 10);
        assertThat(onSite.checkIns(second)).as("a second tap here").isEqualTo(1);
        // checking out where one is not checked in changes nothing
        onSite.checkOut(manager, customer, 20);
        assertThat(jdbc.queryForObject("SELECT ended FROM check_in WHERE customer_id = ?", String.class,
                second.getId())).isNull();
    }

    @Test
    void a_check_in_left_open_from_yesterday_ends_without_a_check_out_and_counts_no_time() throws Exception {
        onSite.checkIn(manager, customer, 20, 10);
        LocalDate yesterday = LocalDate.now(OnSite.SHANGHAI).minusDays(1);
        jdbc.update("UPDATE check_in SET business_day = ?, in_at = ? WHERE customer_id = ?", yesterday,
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))), customer.getId());

        assertThat(onSite.page(manager, "/my-day")).doesNotContain("id=\"open-check-in\"");
        assertThat(checkIns.endForgotten()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT ended, seconds_on_site FROM check_in WHERE customer_id = ?",
                customer.getId())).containsEntry("ended", "NO_CHECK_OUT").containsEntry("seconds_on_site", null);
    }

    @Test
    void my_day_heads_with_the_open_check_in_and_checks_out_from_there() throws Exception {
        onSite.checkIn(manager, customer, 20, 10);
        String day = onSite.page(manager, "/my-day");
        assertThat(day).contains("id=\"open-check-in\"", customer.getName(), "Verified: 20 m from the customer");

        var answer = onSite.send("/customers/{id}/check-out", manager, customer, OnSite.north(20), "121.4737", "10",
                String.valueOf(System.currentTimeMillis()));
        assertThat(answer.getRedirectedUrl()).isEqualTo("/customers/" + customer.getId() + "#on-site");
        assertThat(onSite.page(manager, "/my-day")).doesNotContain("id=\"open-check-in\"");
    }

    private List<String> verdicts() {
        return jdbc.queryForList("SELECT in_verdict FROM check_in WHERE customer_id = ? ORDER BY id", String.class,
                customer.getId());
    }

    /** The timeline's newest entry. */
    private String badge() throws Exception {
        String page = onSite.page(manager, "/customers/{id}", customer.getId());
        int timeline = page.indexOf("id=\"timeline\"");
        int first = page.indexOf("<li", timeline);
        return page.substring(first, page.indexOf("</li>", first));
    }
}

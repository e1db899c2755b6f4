package com.keyaccount.crm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.checkin.rules.GeoPoint;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerLocations;
import com.keyaccount.crm.customer.LocationSource;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * An account manager on a 390 px phone, in Chinese, checks in with the browser's geolocation
 * (emulated through the DevTools protocol, permission granted): 40 m from one customer, where the
 * visit logged afterwards is verified; 2.3 km from another (from My day's row), where it is not.
 * The pages are checked by {@link PageCheck} (console errors, axe-core).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(Fixtures.class)
class CheckInBrowserTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final double LATITUDE = 31.2304;
    private static final double LONGITUDE = 121.4737;
    /** Metres per degree of latitude on the mean sphere: 6,371,008.8 m × π / 180. */
    private static final double METRES_PER_DEGREE = 6_371_008.8 * Math.PI / 180;

    @LocalServerPort
    private int port;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final CustomerLocations customers;
    private final FollowUpSchedule followUps;
    private final MessageSource messages;
    private Chromium chromium;

    CheckInBrowserTest(Fixtures fixtures, JdbcTemplate jdbc, CustomerLocations customers, FollowUpSchedule followUps,
            MessageSource messages) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.customers = customers;
        this.followUps = followUps;
        this.messages = messages;
    }

    @BeforeEach
    void chromium() throws IOException {
        Chromium.assumeInstalled();
    }

    @AfterEach
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_manager_on_a_phone_checks_in_near_and_far_and_the_visits_carry_the_right_badges() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer near = pinned(manager, "近处客户");
        Customer far = pinned(manager, "远处客户");
        overdue(far);
        chromium = new Chromium(port, messages, 390, 844);
        chromium.signIn(manager);

        // near: 40 m north of the pin, a precise position
        chromium.standAt(LATITUDE + 40 / METRES_PER_DEGREE, LONGITUDE, 12);
        chromium.go("/customers/" + near.getId());
        WebElement card = chromium.browser.findElement(By.id("on-site"));
        assertThat(card.getText()).contains("签到时读取一次手机定位", "500 米以内");
        chromium.check.assertSound("the customer page with its check-in card, phone", ZH);
        chromium.shot("checkin-1-card");
        card.findElement(By.id("check-in")).click();
        chromium.waitFor(d -> !d.findElements(By.cssSelector(".today-check-ins")).isEmpty());
        assertThat(chromium.browser.findElement(By.id("on-site")).getText())
                .contains("已核实：距客户 40 米", "签退");
        assertThat(chromium.overflow()).as("the check-in card is wider than the phone").isLessThanOrEqualTo(0);
        chromium.shot("checkin-2-checked-in");

        logVisit(near, "上门拜访，确认样品");
        WebElement badge = chromium.browser.findElement(By.cssSelector("#timeline .visit-badge"));
        assertThat(badge.getText()).contains("已核实上门拜访", "距客户 40 米", "仍在签到中");
        chromium.check.assertSound("the timeline with a verified visit, phone", ZH);
        chromium.shot("checkin-3-verified-visit");

        chromium.browser.findElement(By.id("check-out")).click();
        chromium.waitFor(d -> d.findElements(By.id("check-out")).isEmpty()
                && !d.findElements(By.cssSelector(".flash")).isEmpty());
        assertThat(jdbc.queryForObject("SELECT ended FROM check_in WHERE customer_id = ?", String.class, near.getId()))
                .isEqualTo("CHECKED_OUT");

        // far: 2.3 km away, checked in from My day's row
        chromium.standAt(LATITUDE + 2_300 / METRES_PER_DEGREE, LONGITUDE, 12);
        chromium.go("/my-day");
        WebElement row = chromium.browser.findElement(By.id("due-row-" + far.getId()));
        row.findElement(By.cssSelector("details.due-check-in summary")).click();
        assertThat(chromium.overflow()).as("My day with a check-in open is wider than the phone").isLessThanOrEqualTo(0);
        chromium.check.assertSound("my day with a row's check-in open, phone", ZH);
        row.findElement(By.cssSelector("form.check-in-form button[type=submit]")).click();
        chromium.waitFor(d -> !d.findElements(By.id("open-check-in")).isEmpty());
        assertThat(chromium.browser.findElement(By.id("open-check-in")).getText())
                .contains(far.getName(), "未核实：距客户 2.3 公里，超过允许的 500 米");
        chromium.shot("checkin-4-my-day-far");

        logVisit(far, "上门拜访，客户不在");
        assertThat(chromium.browser.findElement(By.cssSelector("#timeline .visit-badge")).getText())
                .contains("未核实上门拜访", "距客户 2.3 公里，超过允许的 500 米");
        chromium.shot("checkin-5-unverified-visit");
        assertThat(jdbc.queryForList("SELECT v.verified FROM visit_check v JOIN contact_log l ON l.id = v.contact_log_id "
                + "WHERE l.customer_id IN (?, ?) ORDER BY l.id", Boolean.class, near.getId(), far.getId()))
                .containsExactly(true, false);
        assertThat(chromium.check.severeConsoleMessages()).isEmpty();
    }

    @Test
    void the_location_page_takes_the_phones_position_as_the_pin() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("新客户"));
        chromium = new Chromium(port, messages, 390, 844);
        chromium.signIn(manager);
        chromium.standAt(32.0603, 118.7969, 15);

        chromium.go("/customers/" + customer.getId() + "/location");
        chromium.check.assertSound("the location page, phone", ZH);
        assertThat(chromium.overflow()).as("the location page is wider than the phone").isLessThanOrEqualTo(0);
        chromium.browser.findElement(By.id("use-my-position")).click();
        chromium.waitFor(d -> chromium.path().startsWith("/customers/" + customer.getId() + "#")
                || chromium.path().equals("/customers/" + customer.getId()));
        assertThat(chromium.browser.findElement(By.cssSelector("#on-site .geo-link")).getAttribute("href"))
                .isEqualTo("geo:32.060300,118.796900");
        chromium.shot("checkin-6-pinned-from-the-phone");
    }

    private Customer pinned(AppUser manager, String name) {
        Customer customer = fixtures.customer(manager, Fixtures.unique(name));
        customers.locate(new Viewer(manager.getId(), manager.getUsername(), Role.ACCOUNT_MANAGER), customer.getId(),
                new GeoPoint(LATITUDE, LONGITUDE), LocationSource.TYPED);
        return customer;
    }

    /** On the books for 100 days and never contacted: on My day's overdue list. */
    private void overdue(Customer customer) {
        jdbc.update("UPDATE customer SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(100))), customer.getId());
        followUps.refreshInBatches(List.of(customer.getId()));
    }

    /** The full log form, channel on-site visit (its default), back on the customer page. */
    private void logVisit(Customer customer, String summary) {
        chromium.go("/customers/" + customer.getId() + "/logs/new");
        chromium.browser.findElement(By.id("summary")).sendKeys(summary);
        chromium.browser.findElement(By.cssSelector("main form button[type=submit].btn-primary")).click();
        chromium.waitFor(d -> !d.findElements(By.cssSelector("#timeline .visit-badge")).isEmpty());
    }
}

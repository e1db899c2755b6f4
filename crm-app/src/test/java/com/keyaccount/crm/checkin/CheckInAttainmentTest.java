package com.keyaccount.crm.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.attainment.application.AttainmentReport;
import com.keyaccount.crm.attainment.application.Attainments;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 达成率 with evidence, today, for one manager who made two on-site visits: one at a customer
 * after checking in 50 m away and staying 30 minutes (checked out 60 m away), one at another
 * customer without a check-in. All visits: 2; verified: 1; time on site 30 min; days at
 * customers 1. "Verified visits only" counts 1 visit towards the quotas.
 */
@FullStackTest
class CheckInAttainmentTest {

    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final Attainments attainments;
    private final OnSite onSite;
    private AppUser manager;
    private AppUser director;
    private LocalDate today;

    CheckInAttainmentTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, Attainments attainments) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.attainments = attainments;
        this.onSite = new OnSite(mvc, jdbc);
    }

    @BeforeEach
    void twoVisits() throws Exception {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        director = fixtures.user(Role.SALES_DIRECTOR);
        today = LocalDate.now(OnSite.SHANGHAI);
        Customer visited = fixtures.customer(manager, Fixtures.unique("签到拜访"));
        Customer unchecked = fixtures.customer(manager, Fixtures.unique("未签到拜访"));
        onSite.pin(manager, visited);
        onSite.checkIn(manager, visited, 50, 10);
        onSite.log(manager, visited, "VISIT");
        jdbc.update("UPDATE check_in SET in_at = ? WHERE customer_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(30))), visited.getId());
        onSite.checkOut(manager, visited, 60);
        onSite.log(manager, unchecked, "VISIT");
    }

    @Test
    void verified_visits_only_counts_the_visit_a_check_in_verified_and_both_counts_are_shown() throws Exception {
        Viewer asDirector = new Viewer(director.getId(), director.getUsername(), Role.SALES_DIRECTOR);
        AttainmentReport all = attainments.report(asDirector, today, today, manager.getId(), false);
        AttainmentReport verified = attainments.report(asDirector, today, today, manager.getId(), true);

        assertThat(all.total().visits().made()).isEqualTo(2);
        assertThat(verified.total().visits().made()).isEqualTo(1);
        AttainmentReport.Line line = verified.byManager().get(0);
        assertThat(line.managerId()).isEqualTo(manager.getId());
        assertThat(line.onSite().allVisits()).isEqualTo(2);
        assertThat(line.onSite().verifiedVisits()).isEqualTo(1);
        assertThat(line.onSite().minutesOnSite()).isEqualTo(30);
        assertThat(line.onSite().daysAtCustomers()).isEqualTo(1);

        String period = "/attainment?from=" + today + "&to=" + today + "&manager=" + manager.getId();
        String allPage = onSite.page(director, period);
        String verifiedPage = onSite.page(director, period + "&verifiedOnly=true");
        // the visits column: made (counted towards the requirement) / required, and all made
        assertThat(totalRow(allPage)).contains("(2 in all)");
        assertThat(totalRow(verifiedPage)).contains("(1 in all)");
        assertThat(verifiedPage).contains("Only on-site visits verified by a check-in at the customer count");
        assertThat(managerRow(verifiedPage)).contains("1 of 2", "30 min");
    }

    @Test
    void the_team_table_gives_each_manager_their_days_at_customers_and_the_export_has_the_columns() throws Exception {
        String page = onSite.page(director, "/attainment?from=" + today + "&to=" + today);
        assertThat(managerRow(page)).contains("1 of 2", "30 min").containsPattern("on-site-days\"[^>]*>1<");

        String csv = onSite.page(director, "/attainment/export.csv?from=" + today + "&to=" + today + "&manager="
                + manager.getId() + "&verifiedOnly=true");
        assertThat(csv).contains("On-site visits logged", "Verified on-site visits", "Time on site (minutes)",
                "Days at customers");
        String managerLine = csv.lines().filter(l -> l.contains(manager.getDisplayName())).findFirst().orElseThrow();
        // the visits: 0 required, 1 made (verified only), then all 2,
        // verified 1, 30 minutes, 1 day, before the service columns
        assertThat(managerLine).contains(",0,1,,2,1,30,1,");
    }

    /** The manager's row of the on-site evidence. */
    private String managerRow(String page) {
        int row = page.indexOf(">" + manager.getDisplayName() + "</td>", page.indexOf("id=\"on-site\""));
        return page.substring(row, page.indexOf("</tr>", row));
    }

    private static String totalRow(String page) {
        int byTier = page.indexOf("id=\"by-tier\"");
        int total = page.indexOf("class=\"total\"", byTier);
        return page.substring(total, page.indexOf("</tr>", total));
    }
}

package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.service.ServiceBook;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Service beside contacts and visits in attainment, 2026-09-01..09-18, today 09-18 10:00 (issue 18).
 * A deadline counts in the period it falls in once it is met or has passed:
 * <pre>
 * customer  complaint  answer due / answered         resolve due / resolved
 * a (A)     k1         09-02 10:00 / 09-02 09:00 met  09-05 / 09-06 late
 *           k2         09-10 / 09-11 late             09-20 (not yet due, open: not counted)
 *           k3         08-20 (before the period)      09-08 / 09-07 met
 *           k4         09-17 / not answered: late     09-25 (not yet due: not counted)
 *  -> answered on time 1 of 3 = 33% (rounded down), resolved on time 1 of 2 = 50%
 * surveys in the period: a 50.0 (recommend 7), b (B) 80.0 (9) and 65.0 (10); b 10.0 on 08-20 is outside
 *  -> average (50 + 80 + 65) / 3 = 65.0; NPS (2 promoters − 0 detractors) / 3 = 66.7 -> 67
 *  -> tier A: 1 / 3, 1 / 2, 50.0 (1 survey), NPS 0 (one passive); tier B: no deadline, 72.5, NPS 100
 * </pre>
 * Another manager's customer has a late complaint and a survey of 0: never in the first one's figures.
 */
@FullStackTest
@Import(FixedClock.class)
class ServiceAttainmentTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PERIOD = "/attainment?from=2026-09-01&to=2026-09-18";

    private final MockMvc mvc;
    private final ServiceBook book;
    private final Fixtures fixtures;
    private AppUser manager;
    private AppUser other;

    ServiceAttainmentTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.book = new ServiceBook(fixtures, jdbc);
    }

    @BeforeEach
    void serviceBook() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer a = book.customer(manager, "服务客户甲", "A");
        book.complaint(a, manager, at("09-02T10:00"), at("09-05T18:00"), at("09-02T09:00"), at("09-06T09:00"));
        book.complaint(a, manager, at("09-10T10:00"), at("09-20T18:00"), at("09-11T10:00"), null);
        book.complaint(a, manager, at("08-20T10:00"), at("09-08T18:00"), at("08-20T09:00"), at("09-07T09:00"));
        book.complaint(a, manager, at("09-17T10:00"), at("09-25T18:00"), null, null);
        book.survey(a, manager, at("09-03T15:00"), "50.0", 7);
        Customer b = book.customer(manager, "服务客户乙", "B");
        book.survey(b, manager, at("09-04T15:00"), "80.0", 9);
        book.survey(b, manager, at("09-12T15:00"), "65.0", 10);
        book.survey(b, manager, at("08-20T15:00"), "10.0", 0);

        other = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer theirs = book.customer(other, "别人的客户", "A");
        book.complaint(theirs, other, at("09-03T10:00"), at("09-04T10:00"), null, null);
        book.survey(theirs, other, at("09-05T15:00"), "0.0", 0);
    }

    @AfterEach
    void leaveNothingBehind() {
        book.removeAll();
    }

    @Test
    void a_manager_sees_complaints_on_time_and_satisfaction_per_tier_beside_contacts() throws Exception {
        Elements rows = tierRows(page(PERIOD, manager, "en"));

        Element a = rows.get(0);
        assertThat(cell(a, "service-answered")).isEqualTo("1 / 3 (33%)");
        assertThat(cell(a, "service-resolved")).isEqualTo("1 / 2 (50%)");
        assertThat(cell(a, "service-satisfaction")).isEqualTo("50.0 (1 survey)");
        assertThat(cell(a, "service-nps")).isEqualTo("0 (1 answer)");
        Element b = rows.get(1);
        assertThat(cell(b, "service-answered")).isEqualTo("no deadline");
        assertThat(cell(b, "service-satisfaction")).isEqualTo("72.5 (2 surveys)");
        assertThat(cell(b, "service-nps")).isEqualTo("100 (2 answers)");
        Element total = rows.get(3);
        assertThat(cell(total, "service-answered")).isEqualTo("1 / 3 (33%)");
        assertThat(cell(total, "service-resolved")).isEqualTo("1 / 2 (50%)");
        assertThat(cell(total, "service-satisfaction")).isEqualTo("65.0 (3 surveys)");
        assertThat(cell(total, "service-nps")).isEqualTo("67 (3 answers)");

        Element zhTotal = tierRows(page(PERIOD, manager, "zh-CN")).get(3);
        assertThat(cell(zhTotal, "service-answered")).isEqualTo("1 / 3（33%）");
        assertThat(cell(zhTotal, "service-satisfaction")).isEqualTo("65.0（3 份问卷）");
    }

    @Test
    void a_director_sees_each_managers_service_and_another_managers_own_figures_stay_theirs() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Element total = tierRows(page(PERIOD + "&manager=" + manager.getId(), director, "en")).get(3);
        assertThat(cell(total, "service-answered")).isEqualTo("1 / 3 (33%)");
        assertThat(cell(total, "service-satisfaction")).isEqualTo("65.0 (3 surveys)");

        // the other manager, asking for the first one's book, gets their own: one late answer, one late resolution, 0.0
        Element theirs = tierRows(page(PERIOD + "&manager=" + manager.getId(), other, "en")).get(3);
        assertThat(cell(theirs, "service-answered")).isEqualTo("0 / 1 (0%)");
        assertThat(cell(theirs, "service-resolved")).isEqualTo("0 / 1 (0%)");
        assertThat(cell(theirs, "service-satisfaction")).isEqualTo("0.0 (1 survey)");
    }

    @Test
    void the_export_carries_the_service_figures_with_headers_in_words() throws Exception {
        String csv = new String(mvc.perform(get("/attainment/export.csv?from=2026-09-01&to=2026-09-18")
                        .with(user(Fixtures.principal(manager))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        String[] lines = csv.lines().toArray(String[]::new);
        assertThat(lines[0]).contains("Complaint answer deadlines", "Complaints answered on time", "Answered on time",
                "Complaints resolved on time", "Surveys answered", "Average satisfaction", "NPS")
                .doesNotContain("complaints_answer_due", "satisfaction_average");
        // the total row ends with: 3 deadlines, 1 met, 33%; 2, 1, 50%; 3 surveys, 65.0, NPS 67
        String totalRow = lines[lines.length - 1];
        assertThat(totalRow).startsWith("Total").endsWith(",3,1,0.33,2,1,0.5,3,65.0,67");
    }

    private String page(String url, AppUser viewer, String language) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static Elements tierRows(String page) {
        return Jsoup.parse(page).select("#by-tier tbody tr");
    }

    private static String cell(Element row, String cssClass) {
        return row.selectFirst("td." + cssClass).text();
    }

    private static Instant at(String monthDayTime) {
        return LocalDateTime.parse("2026-" + monthDayTime).atZone(SHANGHAI).toInstant();
    }
}

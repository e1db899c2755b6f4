package com.keyaccount.crm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Service as churn signals (issue 18). One manager's book, all tier C (a contact every 30 days)
 * and created today, so no order, payment, silence or downgrade signal can fire; defaults: an
 * open complaint past its deadline by at least 0 days, satisfaction down more than 20 points.
 * <pre>
 * late     complaint received, answer deadline 3 days ago, not answered      -> complaint signal (3 days)
 * waiting  complaint answered, resolution deadline in 2 days                  -> nothing
 * unhappy  surveys 85.0 (60 days ago) then 60.0 (5 days ago): down 25.0        -> satisfaction signal
 * steady   surveys 80.0 then 70.0: down 10                                    -> nothing
 * </pre>
 * Raising the thresholds to 5 days and 30 points in the rule editor clears both.
 */
@FullStackTest
class ServiceChurnTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final ZoneId zone;
    private final ServiceBook book;
    private AppUser manager;
    private AppUser director;
    private Customer late;
    private Customer waiting;
    private Customer unhappy;
    private Customer steady;
    private int churnVersionBefore;

    ServiceChurnTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute, ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.zone = businessZone;
        this.book = new ServiceBook(fixtures, jdbc);
    }

    @BeforeEach
    void serviceBook() {
        churnVersionBefore = jdbc.queryForObject("SELECT MAX(version) FROM churn_policy", Integer.class);
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        director = fixtures.user(Role.SALES_DIRECTOR);
        Instant now = Instant.now();
        late = book.customer(manager, "投诉逾期", "C");
        book.complaint(late, manager, now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(2)), null, null);
        waiting = book.customer(manager, "投诉未到期", "C");
        book.complaint(waiting, manager, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
                now.minus(Duration.ofDays(2)), null);
        unhappy = book.customer(manager, "满意度下降", "C");
        book.survey(unhappy, manager, now.minus(Duration.ofDays(60)), "85.0", 9);
        book.survey(unhappy, manager, now.minus(Duration.ofDays(5)), "60.0", 5);
        steady = book.customer(manager, "满意度平稳", "C");
        book.survey(steady, manager, now.minus(Duration.ofDays(60)), "80.0", 8);
        book.survey(steady, manager, now.minus(Duration.ofDays(5)), "70.0", 8);
    }

    @AfterEach
    void leaveNothingBehind() throws Exception {
        book.removeAll();
        jdbc.update("DELETE FROM tier_policy_draft");
        jdbc.update("DELETE FROM churn_policy WHERE version > ?", churnVersionBefore);
        Recomputes.awaitIdle(recompute);
    }

    @Test
    void an_overdue_complaint_and_a_satisfaction_drop_show_as_reasons_in_words() throws Exception {
        LocalDate today = LocalDate.now(zone);
        String page = html("/dashboard/churn?owner=" + manager.getId(), director, "en");

        assertThat(page).contains("2 customers show at least one signal.");
        assertThat(row(page, late)).contains("1 open complaint(s) past the deadline, the earliest missed on "
                + today.minusDays(3) + " (3 days ago)");
        assertThat(row(page, unhappy)).contains("satisfaction down 25.0 points (85.0 → 60.0, survey of "
                + today.minusDays(5) + ")");
        assertThat(page).doesNotContain(waiting.getName(), steady.getName());

        String zh = html("/dashboard/churn?owner=" + manager.getId(), director, "zh-CN");
        assertThat(row(zh, late)).contains("1 个未结投诉已超过期限，最早于 " + today.minusDays(3) + " 逾期（3 天前）");
        assertThat(row(zh, unhappy)).contains("满意度下降 25.0 分（85.0 → 60.0");

        String csv = new String(mvc.perform(get("/dashboard/churn/export.csv?owner=" + manager.getId())
                        .with(user(Fixtures.principal(director))).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("past the deadline, the earliest missed on " + today.minusDays(3),
                "satisfaction down 25.0 points").doesNotContain("ComplaintOverdue", "SatisfactionDrop");

        String dashboard = html("/dashboard?owner=" + manager.getId(), director, "en");
        assertThat(Jsoup.parse(dashboard).getElementById("kpi-churn-service").text())
                .isEqualTo("of them 1 with a complaint past its deadline, 1 with satisfaction dropping");
    }

    @Test
    void a_manager_sees_the_service_warnings_of_their_own_book_only() throws Exception {
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        String theirs = html("/dashboard/churn?owner=" + manager.getId(), other, "en");
        assertThat(theirs).contains("0 customers show at least one signal.").doesNotContain(late.getName(),
                unhappy.getName());
        String own = html("/dashboard/churn", manager, "en");
        assertThat(own).contains("2 customers show at least one signal.", late.getName(), unhappy.getName());
    }

    @Test
    void thresholds_raised_in_the_rule_editor_clear_both_warnings_and_are_audited() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        long draft = startDraft(admin);
        Document form = Jsoup.parse(html("/admin/rules/drafts/" + draft, admin, "en"));
        assertThat(form.getElementById("complaintOverdueDays").val()).isEqualTo("0");
        assertThat(form.getElementById("satisfactionDropPoints").val()).isEqualTo("20");

        mvc.perform(save(admin, draft, Map.of("complaintOverdueDays", "5", "satisfactionDropPoints", "30")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/rules/drafts/" + draft + "/publish").with(user(Fixtures.principal(admin))).with(csrf())
                .param("draftVersion", "1")).andExpect(status().is3xxRedirection());
        Recomputes.awaitIdle(recompute);

        String page = html("/dashboard/churn?owner=" + manager.getId(), director, "en");
        assertThat(page).contains("0 customers show at least one signal.",
                "an open complaint past its answer or resolution deadline by at least 5 days",
                "more than 30 points below the one before");
        List<String> audit = jdbc.queryForList("""
                SELECT old_value || ' => ' || new_value FROM audit_event
                WHERE entity_type = 'TierPolicy' AND actor = ? AND field = 'churnThresholds'""", String.class,
                admin.getUsername());
        assertThat(audit).singleElement().asString()
                .contains("open complaint overdue >= 0 days, satisfaction -20 points =>")
                .endsWith("open complaint overdue >= 5 days, satisfaction -30 points");
    }

    @Test
    void bad_thresholds_are_refused_beside_their_fields_and_kept_as_typed() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        long draft = startDraft(admin);
        Document outOfRange = Jsoup.parse(mvc.perform(save(admin, draft,
                        Map.of("complaintOverdueDays", "-1", "satisfactionDropPoints", "100")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(errorAfter(outOfRange, "complaintOverdueDays")).isEqualTo("Enter a whole number of days from 0 to 90.");
        assertThat(errorAfter(outOfRange, "satisfactionDropPoints"))
                .isEqualTo("Enter a whole number of points from 1 to 99.");
        assertThat(outOfRange.getElementById("complaintOverdueDays").val()).isEqualTo("-1");
        assertThat(outOfRange.getElementById("satisfactionDropPoints").val()).isEqualTo("100");

        Document notANumber = Jsoup.parse(mvc.perform(save(admin, draft,
                        Map.of("satisfactionDropPoints", "twenty", "complaintOverdueDays", "")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(errorAfter(notANumber, "satisfactionDropPoints")).isEqualTo("Enter a whole number.");
        assertThat(errorAfter(notANumber, "complaintOverdueDays")).isEqualTo("Required.");
        assertThat(notANumber.getElementById("satisfactionDropPoints").val()).isEqualTo("twenty");
        assertThat(jdbc.queryForObject("SELECT version FROM tier_policy_draft WHERE id = ?", Long.class, draft))
                .as("nothing saved").isZero();
    }

    private long startDraft(AppUser admin) throws Exception {
        String location = mvc.perform(post("/admin/rules/drafts").with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The seed rules (Pareto 80/95, churn 30/15/2/90) as the editor posts them, with {@code changed}. */
    private static MockHttpServletRequestBuilder save(AppUser admin, long draft, Map<String, String> changed) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("draftVersion", "0");
        form.put("method", "PARETO");
        form.put("windowMonths", "12");
        form.put("cutoffAPercent", "80");
        form.put("cutoffBPercent", "95");
        form.put("criteria[0].name", "sales");
        form.put("criteria[0].metric", "MONTHLY_AVERAGE_SALES");
        form.put("criteria[0].higherIsBetter", "true");
        form.put("criteria[0].bands[0].threshold", "20000");
        form.put("criteria[0].bands[0].points", "70");
        form.put("criteria[0].otherwisePoints", "30");
        form.put("criteria[0].pointsWithoutData", "30");
        form.put("minimumForA", "80");
        form.put("minimumForB", "60");
        form.put("hardOrdersA", "5");
        form.put("hardRevenueA", "100000");
        form.put("hardOrdersB", "3");
        form.put("hardRevenueB", "10000");
        form.put("revenueDropPercent", "30");
        form.put("daysToPayIncrease", "15");
        form.put("silenceFactor", "2");
        form.put("downgradeWithinDays", "90");
        form.put("complaintOverdueDays", "0");
        form.put("satisfactionDropPoints", "20");
        form.put("effectiveFrom", "");
        form.put("note", "service thresholds");
        form.putAll(changed);
        MockHttpServletRequestBuilder request = post("/admin/rules/drafts/" + draft)
                .with(user(Fixtures.principal(admin))).with(csrf()).header("Accept-Language", "en");
        form.forEach(request::param);
        return request;
    }

    private String html(String url, AppUser viewer, String language) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String errorAfter(Document page, String fieldId) {
        return page.getElementById(fieldId).parent().select("p.field-error").stream()
                .filter(p -> p.elementSiblingIndex() > page.getElementById(fieldId).elementSiblingIndex())
                .findFirst().orElseThrow().text();
    }

    private static String row(String page, Customer customer) {
        int start = page.indexOf(customer.getName());
        assertThat(start).as(customer.getName()).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}

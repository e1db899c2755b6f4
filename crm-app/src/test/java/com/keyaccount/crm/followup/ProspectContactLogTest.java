package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.prospect.application.GradeCommand;
import com.keyaccount.crm.prospect.application.ProspectService;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Logging a contact with a prospect asks for its re-grade in the same form (issue 17, seed 003:
 * re-graded after every follow-up), saved with the log or not at all. Friday 2026-09-18 10:00
 * ({@link FixedClock}); 09-20 (Sunday) is a make-up working day.
 */
@FullStackTest
@Import({FixedClock.class, FollowUpBook.class})
class ProspectContactLogTest {

    private static final String SUMMARY = "电话沟通后确认：采购经理下月出差回来再谈样品";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final FollowUpBook book;
    private final JdbcTemplate jdbc;
    private final ProspectService prospects;
    private final FollowUpSchedule followUps;
    private AppUser manager;
    private Customer prospect;

    ProspectContactLogTest(MockMvc mvc, Fixtures fixtures, FollowUpBook book, JdbcTemplate jdbc,
            ProspectService prospects, FollowUpSchedule followUps) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.book = book;
        this.jdbc = jdbc;
        this.prospects = prospects;
        this.followUps = followUps;
    }

    /** A prospect graded D (later than six months) and ¥60,000 a month. */
    @BeforeEach
    void aGradedProspect() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        prospect = book.customer(manager, "待评定潜在客户", LocalDate.of(2026, 6, 1));
        jdbc.update("UPDATE customer SET status = 'PROSPECT' WHERE id = ?", prospect.getId());
        prospects.grade(Fixtures.principal(manager).viewer(), prospect.getId(),
                new GradeCommand(CloseClass.D, new BigDecimal("60000"), null));
    }

    @Test
    void the_form_shows_the_grade_and_saving_it_changed_saves_the_regrade_with_the_log() throws Exception {
        Document form = Jsoup.parse(page("/customers/" + prospect.getId() + "/logs/new", manager));
        assertThat(form.select("#regrade legend").text()).isEqualTo("Re-grade the prospect");
        assertThat(form.select("select[name=closeClass] option[selected]").val()).isEqualTo("D");
        assertThat(form.select("select[name=closeClass] option[value=A]").text())
                .isEqualTo("A — closes within a month");
        assertThat(form.select("#cadences").text())
                .isEqualTo("Follow-up cadence: A every day, B every 7 days, C every 15 days, D every 30 days, E every 365 days.");
        assertThat(form.select("input[name=expectedMonthlyValue]").val()).isEqualTo("60,000");
        assertThat(form.select("input[name=prospectVersion]").val()).isEqualTo(String.valueOf(version()));

        mvc.perform(log(SUMMARY, "A", "12万", version()).param("back", "my-day"))
                .andExpect(redirectedUrl("/my-day"));

        assertThat(grade()).containsEntry("close_class", "A");
        assertThat((BigDecimal) grade().get("expected_monthly_value")).isEqualByComparingTo("120000");
        assertThat(logs(SUMMARY)).isOne();
        assertThat(audited("closeClass")).containsExactly("D>A");
        // A: logged Fri 09-18 + 1 = Sat 09-19 -> Sun 09-20, a make-up working day
        assertThat(book.dueOn(prospect)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(book.dueRule(prospect)).isEqualTo("PROSPECT_CLASS");
    }

    @Test
    void a_bad_value_is_told_beside_its_field_the_text_is_kept_and_nothing_is_written() throws Exception {
        for (Map.Entry<String, String> bad : Map.of("十二万左右", "Enter an amount, e.g. 50,000, ¥1,234.50 or 5万",
                "-5", "Cannot be negative.", "99999999999999999999", "At most 16 digits before and 2 after the decimal point.")
                .entrySet()) {
            String html = mvc.perform(log(SUMMARY, "A", bad.getKey(), version()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Document page = Jsoup.parse(html);
            assertThat(page.select("input[name=expectedMonthlyValue] ~ .field-error").text()).as(bad.getKey())
                    .isEqualTo(bad.getValue());
            assertThat(page.select("input[name=expectedMonthlyValue]").val().replace(",", "")).as("as typed")
                    .isEqualTo(bad.getKey());
            assertThat(page.select("textarea[name=summary]").text()).isEqualTo(SUMMARY);
            assertThat(page.select("select[name=closeClass] option[selected]").val()).as("the class chosen stays")
                    .isEqualTo("A");
        }
        assertThat(logs(SUMMARY)).isZero();
        assertThat(grade()).containsEntry("close_class", "D");
        assertThat(audited("closeClass")).isEmpty();
    }

    @Test
    void an_unchanged_grade_is_not_recorded_again() throws Exception {
        Map<String, Object> before = grade();
        mvc.perform(log(SUMMARY, "D", "60,000.00", version())).andExpect(status().is3xxRedirection());

        assertThat(logs(SUMMARY)).isOne();
        assertThat(grade()).containsEntry("version", before.get("version")).containsEntry("graded_at",
                before.get("graded_at"));
    }

    @Test
    void a_regrade_made_meanwhile_is_a_conflict_that_keeps_the_text_and_writes_nothing() throws Exception {
        long shown = version();
        prospects.grade(Fixtures.principal(manager).viewer(), prospect.getId(),
                new GradeCommand(CloseClass.B, new BigDecimal("80000"), shown));

        String html = mvc.perform(log(SUMMARY, "A", "60,000", shown))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("#grade-conflict").text())
                .isEqualTo("Saved now: class B (closes within 3 months), CN¥80,000.00 a month.");
        assertThat(page.select("select[name=closeClass] ~ .field-error").text()).startsWith("Someone re-graded");
        assertThat(page.select("textarea[name=summary]").text()).isEqualTo(SUMMARY);
        assertThat(logs(SUMMARY)).isZero();
        assertThat(grade()).containsEntry("close_class", "B");

        // saving again from the conflict page keeps the user's grade
        long offered = Long.parseLong(page.select("input[name=prospectVersion]").val());
        mvc.perform(log(SUMMARY, "A", "60,000", offered)).andExpect(status().is3xxRedirection());
        assertThat(grade()).containsEntry("close_class", "A");
        assertThat(logs(SUMMARY)).isOne();
    }

    @Test
    void the_quick_log_on_my_day_leaves_the_grade_as_it_is() throws Exception {
        mvc.perform(post("/customers/{id}/logs/quick", prospect.getId()).with(user(Fixtures.principal(manager)))
                        .with(csrf()).param("channel", "PHONE").param("summary", SUMMARY)
                        .param("submissionToken", UUID.randomUUID().toString())
                        .param("gradeShown", "true").param("closeClass", "A").param("expectedMonthlyValue", "1"))
                .andExpect(redirectedUrl("/my-day"));

        assertThat(logs(SUMMARY)).isOne();
        assertThat(grade()).containsEntry("close_class", "D");
        // D: logged Fri 09-18 + 30 = Sun 10-18 -> Mon 10-19
        assertThat(book.dueOn(prospect)).isEqualTo(LocalDate.of(2026, 10, 19));
    }

    @Test
    void the_quick_log_on_my_day_asks_for_the_close_time_class_and_saves_it_with_the_log() throws Exception {
        Document day = Jsoup.parse(page("/my-day", manager));
        // the row's fold names the prospect's class; opening it fills in the page's one quick-log form
        Element fold = day.selectFirst("details.due-quick[data-customer=" + prospect.getId() + "]");
        assertThat(fold).isNotNull();
        assertThat(fold.attr("data-prospect")).isEqualTo("true");
        assertThat(fold.attr("data-close-class")).isEqualTo("D");
        Element quick = day.selectFirst("template#" + fold.attr("data-row-form")).selectFirst("form.quick-log");
        assertThat(quick.attr("action")).isEqualTo("/customers/CUSTOMER/logs/quick");
        assertThat(quick.select("label[for$=-closeClass]").text()).isEqualTo("Re-grade: close-time class");
        assertThat(quick.select("select[name=closeClass] option").eachAttr("value")).contains("", "A", "D");

        mvc.perform(quick("B", "D")).andExpect(redirectedUrl("/my-day"));

        assertThat(logs(SUMMARY)).isOne();
        assertThat(grade()).containsEntry("close_class", "B");
        assertThat((BigDecimal) grade().get("expected_monthly_value")).as("the value stays as saved")
                .isEqualByComparingTo("60000");
        assertThat(audited("closeClass")).containsExactly("D>B");
        assertThat(book.dueRule(prospect)).isEqualTo("PROSPECT_CLASS");
    }

    @Test
    void a_quick_regrade_over_one_made_meanwhile_opens_the_full_form_with_both_and_writes_nothing() throws Exception {
        prospects.grade(Fixtures.principal(manager).viewer(), prospect.getId(),
                new GradeCommand(CloseClass.C, new BigDecimal("60000"), version()));

        String html = mvc.perform(quick("A", "D")).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        assertThat(page.select("#grade-conflict").text()).startsWith("Saved now: class C");
        assertThat(page.select("textarea[name=summary]").text()).isEqualTo(SUMMARY);
        assertThat(logs(SUMMARY)).isZero();
        assertThat(grade()).containsEntry("close_class", "C");
    }

    @Test
    void a_customer_that_is_no_prospect_is_asked_for_no_grade() throws Exception {
        Customer customer = book.customer(manager, "合作中客户", LocalDate.of(2026, 6, 1));
        assertThat(Jsoup.parse(page("/customers/" + customer.getId() + "/logs/new", manager)).select("#regrade"))
                .isEmpty();
    }

    @Test
    void another_managers_prospect_is_missing_and_nothing_is_written() throws Exception {
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        mvc.perform(get("/customers/{id}/logs/new", prospect.getId()).with(user(Fixtures.principal(other))))
                .andExpect(status().isNotFound());
        mvc.perform(log(SUMMARY, "A", "1", version()).with(user(Fixtures.principal(other))))
                .andExpect(status().isNotFound());

        assertThat(logs(SUMMARY)).isZero();
        assertThat(grade()).containsEntry("close_class", "D");
        followUps.refresh(List.of(prospect.getId()));
    }

    private MockHttpServletRequestBuilder log(String summary, String closeClass, String value, long version) {
        return post("/customers/{id}/logs", prospect.getId()).with(user(Fixtures.principal(manager))).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .param("channel", "PHONE").param("occurredAt", "2026-09-18T09:30").param("summary", summary)
                .param("submissionToken", UUID.randomUUID().toString()).param("gradeShown", "true")
                .param("closeClass", closeClass).param("expectedMonthlyValue", value)
                .param("prospectVersion", String.valueOf(version));
    }

    /** My day's quick log of the prospect, its row having shown {@code shown}. */
    private MockHttpServletRequestBuilder quick(String closeClass, String shown) {
        return post("/customers/{id}/logs/quick", prospect.getId()).with(user(Fixtures.principal(manager)))
                .with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, "en").param("channel", "PHONE")
                .param("summary", SUMMARY).param("submissionToken", UUID.randomUUID().toString())
                .param("quickGrade", "true").param("closeClassShown", shown).param("closeClass", closeClass);
    }

    private String page(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private long version() {
        return jdbc.queryForObject("SELECT version FROM prospect WHERE customer_id = ?", Long.class, prospect.getId());
    }

    private Map<String, Object> grade() {
        return jdbc.queryForMap("SELECT close_class, expected_monthly_value, graded_at, version FROM prospect "
                + "WHERE customer_id = ?", prospect.getId());
    }

    private int logs(String summary) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM contact_log WHERE customer_id = ? AND summary = ?",
                Integer.class, prospect.getId(), summary);
    }

    /** The audited changes of one field of the prospect after its first grade, as old>new. */
    private List<String> audited(String field) {
        return jdbc.queryForList("""
                SELECT old_value || '>' || new_value FROM audit_event
                WHERE entity_type = 'Prospect' AND customer_id = ? AND field = ? AND old_value IS NOT NULL
                ORDER BY id""", String.class, prospect.getId(), field);
    }
}

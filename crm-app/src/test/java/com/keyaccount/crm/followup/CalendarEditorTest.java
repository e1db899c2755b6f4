package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.editor.CalendarDrafts;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The holiday-calendar editor on Friday 2026-09-18 (see {@link FixedClock}). Days a test adds
 * are taken out again afterwards (through the editor), so other tests see the 2026 notice.
 */
@FullStackTest
@Import({FixedClock.class, FollowUpBook.class, AdminEditing.class})
class CalendarEditorTest {

    /** A Monday that is an ordinary working day in 2026. */
    private static final LocalDate TEST_HOLIDAY = LocalDate.of(2026, 9, 21);

    private final Fixtures fixtures;
    private final FollowUpBook book;
    private final AdminEditing admin;
    private final JdbcTemplate jdbc;
    private final CalendarDrafts drafts;
    private AppUser adminUser;

    CalendarEditorTest(Fixtures fixtures, FollowUpBook book, AdminEditing admin, JdbcTemplate jdbc,
            CalendarDrafts drafts) {
        this.fixtures = fixtures;
        this.book = book;
        this.admin = admin;
        this.jdbc = jdbc;
        this.drafts = drafts;
    }

    @BeforeEach
    void noDraftOpen() {
        adminUser = fixtures.user(Role.ADMIN);
        drafts.openDraft().ifPresent(d -> drafts.discard(viewer(), d.id()));
    }

    @AfterEach
    void takeTheTestHolidayOut() throws Exception {
        admin.awaitRefresh();
        drafts.openDraft().ifPresent(d -> drafts.discard(viewer(), d.id()));
        if (inCalendar(TEST_HOLIDAY)) {
            long draft = drafts.start(viewer());
            drafts.remove(viewer(), draft, TEST_HOLIDAY);
            drafts.publish(viewer(), draft);
            admin.awaitRefresh();
        }
    }

    @Test
    void a_holiday_added_on_a_due_date_moves_it_in_the_preview_and_after_publishing() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = book.customer(manager, "节日客户", LocalDate.of(2026, 6, 1));
        book.logContact(manager, customer, "VISIT", "2026-09-14T10:00", null);
        book.classify(customer, "A");
        // A: any contact every 7 days: 09-14 + 7 = Monday 09-21
        assertThat(book.dueOn(customer)).isEqualTo(TEST_HOLIDAY);

        admin.post(adminUser, "/admin/calendar/drafts", Map.of("year", "2026"));
        long draft = drafts.openDraft().orElseThrow().id();
        MockHttpServletResponse put = admin.post(adminUser, "/admin/calendar/drafts/" + draft + "/days", Map.of(
                "date", "2026-09-21", "kind", "HOLIDAY", "nameZh", "测试假日", "nameEn", "Test holiday", "replacing", ""));
        assertThat(put.getRedirectedUrl()).isEqualTo("/admin/calendar?year=2026");
        assertThat(admin.page(adminUser, "/admin/calendar?year=2026")).contains("测试假日 / Test holiday",
                "to be added");

        // with 09-21 off, the due date moves to the next working day, Tuesday 09-22: later
        String preview = admin.page(adminUser,
                "/admin/calendar/drafts/" + draft + "/preview?manager=" + manager.getId());
        assertThat(AdminEditing.previewCount(preview, "A", "later")).isEqualTo(1);
        assertThat(AdminEditing.previewCount(preview, "total", "earlier")).isZero();
        assertThat(preview).contains(customer.getName(), "2026-09-22 (later)");
        assertThat(inCalendar(TEST_HOLIDAY)).as("a preview changes nothing").isFalse();
        assertThat(book.dueOn(customer)).isEqualTo(TEST_HOLIDAY);

        assertThat(admin.post(adminUser, "/admin/calendar/drafts/" + draft + "/publish", Map.of())
                .getRedirectedUrl()).isEqualTo("/admin/calendar");
        admin.awaitRefresh();

        assertThat(inCalendar(TEST_HOLIDAY)).isTrue();
        assertThat(book.dueOn(customer)).isEqualTo(LocalDate.of(2026, 9, 22));
        Map<String, Object> audit = jdbc.queryForMap("SELECT actor, old_value, new_value FROM audit_event "
                + "WHERE entity_type = 'CalendarDay' AND entity_id = 20260921 ORDER BY id DESC LIMIT 1");
        assertThat(audit.get("actor")).isEqualTo(adminUser.getUsername());
        assertThat(audit.get("old_value")).isNull();
        assertThat((String) audit.get("new_value")).contains("2026-09-21 HOLIDAY 测试假日 / Test holiday");
        assertThat(drafts.openDraft()).as("the draft is closed").isEmpty();
    }

    @Test
    void a_nul_in_a_days_name_is_refused_beside_it_and_nothing_is_saved() throws Exception {
        admin.post(adminUser, "/admin/calendar/drafts", Map.of("year", "2026"));
        long draft = drafts.openDraft().orElseThrow().id();
        MockHttpServletResponse put = admin.post(adminUser, "/admin/calendar/drafts/" + draft + "/days", Map.of(
                "date", "2026-09-21", "kind", "HOLIDAY", "nameZh", "测试\u0000假日", "nameEn", "Test holiday",
                "replacing", ""));
        assertThat(put.getStatus()).isEqualTo(200);
        assertThat(put.getContentAsString()).contains("Contains a control character");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_draft_change WHERE draft_id = ?",
                Integer.class, draft)).as("nothing stored").isZero();
    }

    @Test
    void a_make_up_day_on_a_weekday_and_a_date_already_listed_are_refused_with_the_typed_values_kept()
            throws Exception {
        admin.post(adminUser, "/admin/calendar/drafts", Map.of("year", "2026"));
        long draft = drafts.openDraft().orElseThrow().id();

        // 2026-09-22 is a Tuesday
        MockHttpServletResponse weekday = admin.post(adminUser, "/admin/calendar/drafts/" + draft + "/days", Map.of(
                "date", "2026-09-22", "kind", "WORKDAY", "nameZh", "错误调休", "nameEn", "Wrong make-up day"));
        assertThat(weekday.getStatus()).isEqualTo(200);
        assertThat(weekday.getContentAsString()).contains("A make-up working day must be a Saturday or Sunday",
                "value=\"错误调休\"", "value=\"2026-09-22\"");

        MockHttpServletResponse duplicate = admin.post(adminUser, "/admin/calendar/drafts/" + draft + "/days",
                Map.of("date", "2026-10-01", "kind", "HOLIDAY", "nameZh", "重复", "nameEn", "Again"));
        assertThat(duplicate.getContentAsString())
                .contains("2026-10-01 is already in the calendar (国庆节 / National Day).");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_draft_change WHERE draft_id = ?",
                Integer.class, draft)).as("nothing stored").isZero();

        // 2026-11-07 is a Saturday: allowed, with a note that it changes nothing
        assertThat(admin.postForFlash(adminUser, "/admin/calendar/drafts/" + draft + "/days", Map.of(
                "date", "2026-11-07", "kind", "HOLIDAY", "nameZh", "周末", "nameEn", "Weekend")))
                .isEqualTo("flash.calendar.dayPutWeekend");
    }

    @Test
    void confirming_a_provisional_day_is_an_ordinary_change_that_can_be_undone() throws Exception {
        admin.post(adminUser, "/admin/calendar/drafts", Map.of("year", "2027"));
        long draft = drafts.openDraft().orElseThrow().id();
        String form = admin.page(adminUser, "/admin/calendar?year=2027&edit=2027-01-01");
        assertThat(form).contains("Change a day", "value=\"元旦\"", "checked=\"checked\"");

        admin.post(adminUser, "/admin/calendar/drafts/" + draft + "/days", Map.of("date", "2027-01-01",
                "replacing", "2027-01-01", "kind", "HOLIDAY", "nameZh", "元旦", "nameEn", "New Year's Day"));
        String year = admin.page(adminUser, "/admin/calendar?year=2027");
        String row = year.substring(year.indexOf("id=\"day-2027-01-01\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("to be changed").doesNotContain("provisional<");

        admin.post(adminUser, "/admin/calendar/drafts/" + draft + "/days/2027-01-01/undo", Map.of());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_draft_change WHERE draft_id = ?",
                Integer.class, draft)).isZero();
        assertThat(jdbc.queryForObject("SELECT provisional FROM calendar_day WHERE calendar_date = ?", Boolean.class,
                Date.valueOf("2027-01-01"))).isTrue();
    }

    private boolean inCalendar(LocalDate day) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM calendar_day WHERE calendar_date = ?", Integer.class,
                Date.valueOf(day)) > 0;
    }

    private Viewer viewer() {
        return Fixtures.principal(adminUser).viewer();
    }
}

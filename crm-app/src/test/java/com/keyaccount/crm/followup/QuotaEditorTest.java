package com.keyaccount.crm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.followup.editor.QuotaDrafts;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.followup.rules.CadenceBasis;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The visit-quota editor on Friday 2026-09-18 (see {@link FixedClock}): a draft, its preview on
 * one manager's book, publishing it, and validation. Each test leaves the quotas in force with
 * the values it found (publishing them again), so other follow-up tests see the defaults. The
 * fields posted are the SPEC defaults, which is what the database holds in tests.
 */
@FullStackTest
@Import({FixedClock.class, FollowUpBook.class, AdminEditing.class})
class QuotaEditorTest {

    /** The SPEC defaults (V3), as the editor's fields. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("min_A_ANY_CONTACT", "7"), Map.entry("max_A_ANY_CONTACT", ""),
            Map.entry("min_A_ON_SITE_VISIT", "30"), Map.entry("max_A_ON_SITE_VISIT", ""),
            Map.entry("min_B_ANY_CONTACT", "14"), Map.entry("max_B_ANY_CONTACT", ""),
            Map.entry("min_B_ON_SITE_VISIT", "90"), Map.entry("max_B_ON_SITE_VISIT", ""),
            Map.entry("min_C_ANY_CONTACT", "30"), Map.entry("max_C_ANY_CONTACT", "4"),
            Map.entry("min_C_ON_SITE_VISIT", ""), Map.entry("max_C_ON_SITE_VISIT", ""),
            Map.entry("graceDays", "7"), Map.entry("note", ""),
            Map.entry("follows", "TIER"), Map.entry("min_zone_red", "4"), Map.entry("max_zone_red", ""),
            Map.entry("min_zone_yellow", "15"), Map.entry("max_zone_yellow", "4"));

    private final Fixtures fixtures;
    private final FollowUpBook book;
    private final AdminEditing admin;
    private final JdbcTemplate jdbc;
    private final QuotaDrafts drafts;
    private AppUser adminUser;
    private int versionBefore;

    QuotaEditorTest(Fixtures fixtures, FollowUpBook book, AdminEditing admin, JdbcTemplate jdbc, QuotaDrafts drafts) {
        this.fixtures = fixtures;
        this.book = book;
        this.admin = admin;
        this.jdbc = jdbc;
        this.drafts = drafts;
    }

    @BeforeEach
    void noDraftOpen() {
        adminUser = fixtures.user(Role.ADMIN);
        drafts.openDraft().ifPresent(d -> drafts.discard(Fixtures.principal(adminUser).viewer(), d.id()));
        versionBefore = version();
    }

    /** Publishes the values found before the test again (restoring that version as a draft). */
    @AfterEach
    void restoreQuotas() throws Exception {
        admin.awaitRefresh();
        drafts.openDraft().ifPresent(d -> drafts.discard(Fixtures.principal(adminUser).viewer(), d.id()));
        if (version() != versionBefore) {
            long id = AdminEditing.idIn(admin.post(adminUser, "/admin/quotas/drafts",
                    Map.of("fromVersion", Integer.toString(versionBefore))).getRedirectedUrl());
            admin.post(adminUser, "/admin/quotas/drafts/" + id + "/publish", Map.of());
            admin.awaitRefresh();
        }
    }

    @Test
    void a_shorter_a_interval_is_previewed_without_changing_anything_then_published_and_audited() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        // all visited (so the 30-day visit quota is far off) and classified A, except b and c
        Customer a1 = visited(manager, "A1", "2026-09-14T10:00", "A");
        Customer a2 = visited(manager, "A2", "2026-09-10T10:00", "A");
        Customer a3 = visited(manager, "A3", "2026-09-11T10:00", "A");
        Customer b1 = visited(manager, "B1", "2026-09-14T10:00", "B");
        Customer c1 = book.customer(manager, "C1", LocalDate.of(2026, 6, 1));
        book.logContact(manager, c1, "PHONE", "2026-09-01T10:00", null);
        // under A any contact every 7 days:
        //   a1 09-14 + 7 = 09-21 (Mon)            a2 09-10 + 7 = 09-17 (overdue already)
        //   a3 09-11 + 7 = 09-18 (due today)      b1 09-14 + 14 = 09-28   c1 09-01 + 30 = 10-01 国庆 -> 10-08
        assertThat(book.dueOn(a1)).isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(book.dueOn(a3)).isEqualTo(LocalDate.of(2026, 9, 18));

        MockHttpServletResponse started = admin.post(adminUser, "/admin/quotas/drafts",
                Map.of("fromVersion", Integer.toString(versionBefore)));
        long draft = AdminEditing.idIn(started.getRedirectedUrl());
        Map<String, String> fiveDays = new HashMap<>(DEFAULTS);
        fiveDays.put("min_A_ANY_CONTACT", "5");
        fiveDays.put("note", "A 类每 5 天联系一次");
        assertThat(admin.post(adminUser, "/admin/quotas/drafts/" + draft, fiveDays).getRedirectedUrl())
                .isEqualTo("/admin/quotas/drafts/" + draft);

        // under every 5 days:
        //   a1 09-14 + 5 = 09-19 (Sat) -> 09-20, a make-up working Sunday: earlier, not overdue
        //   a2 09-10 + 5 = 09-15: earlier, but overdue already
        //   a3 09-11 + 5 = 09-16: earlier, and overdue where it was due today -> 1 newly overdue
        //   b1, c1 unchanged
        String preview = admin.page(adminUser, "/admin/quotas/drafts/" + draft + "/preview?manager=" + manager.getId());
        assertThat(AdminEditing.previewCount(preview, "A", "earlier")).isEqualTo(3);
        assertThat(AdminEditing.previewCount(preview, "A", "later")).isZero();
        assertThat(AdminEditing.previewCount(preview, "B", "unchanged")).isEqualTo(1);
        assertThat(AdminEditing.previewCount(preview, "C", "unchanged")).isEqualTo(1);
        assertThat(AdminEditing.previewCount(preview, "total", "earlier")).isEqualTo(3);
        assertThat(AdminEditing.newlyOverdue(preview)).isEqualTo(1);
        assertThat(preview).contains(a1.getName(), "2026-09-21", "2026-09-20 (earlier)").doesNotContain(b1.getName());
        assertThat(book.dueOn(a1)).as("a preview changes nothing").isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(version()).isEqualTo(versionBefore);

        assertThat(admin.post(adminUser, "/admin/quotas/drafts/" + draft + "/publish", Map.of()).getRedirectedUrl())
                .isEqualTo("/admin/quotas");
        admin.awaitRefresh();

        assertThat(version()).isEqualTo(versionBefore + 1);
        assertThat(book.dueOn(a1)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(book.dueOn(a2)).isEqualTo(LocalDate.of(2026, 9, 15));
        assertThat(book.dueOn(a3)).isEqualTo(LocalDate.of(2026, 9, 16));
        assertThat(book.dueOn(b1)).isEqualTo(LocalDate.of(2026, 9, 28));
        assertThat(book.dueOn(c1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(jdbc.queryForObject("SELECT quota_version FROM follow_up WHERE customer_id = ?", Integer.class,
                a1.getId())).isEqualTo(versionBefore + 1);
        Map<String, Object> audit = jdbc.queryForMap("SELECT actor, old_value, new_value FROM audit_event "
                + "WHERE entity_type = 'VisitQuotaPolicy' AND entity_id = ? ORDER BY id DESC LIMIT 1", versionBefore + 1);
        assertThat(audit.get("actor")).isEqualTo(adminUser.getUsername());
        assertThat((String) audit.get("old_value")).contains("A 7d/30d");
        assertThat((String) audit.get("new_value")).contains("v" + (versionBefore + 1), "A 5d/30d", "B 14d/90d");

        String overview = admin.page(adminUser, "/admin/quotas");
        assertThat(overview).contains("In force: version " + (versionBefore + 1), "A 类每 5 天联系一次",
                "Version " + versionBefore);
    }

    @Test
    void a_nul_in_the_note_is_refused_beside_it_and_nothing_is_saved() throws Exception {
        long draft = AdminEditing.idIn(admin.post(adminUser, "/admin/quotas/drafts",
                Map.of("fromVersion", Integer.toString(versionBefore))).getRedirectedUrl());
        Map<String, String> typed = new HashMap<>(DEFAULTS);
        typed.put("min_A_ANY_CONTACT", "5");
        typed.put("note", "说明\u0000");
        MockHttpServletResponse response = admin.post(adminUser, "/admin/quotas/drafts/" + draft, typed);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("Contains a control character");
        assertThat(jdbc.queryForObject("SELECT at_least_every_days FROM visit_quota_draft_row WHERE draft_id = ? "
                + "AND tier = 'A' AND channel_group = 'ANY_CONTACT'", Integer.class, draft)).isEqualTo(7);
    }

    @Test
    void errors_are_explained_next_to_the_field_keep_what_was_typed_and_save_nothing() throws Exception {
        long draft = AdminEditing.idIn(admin.post(adminUser, "/admin/quotas/drafts",
                Map.of("fromVersion", Integer.toString(versionBefore))).getRedirectedUrl());
        Map<String, String> typed = new HashMap<>(DEFAULTS);
        typed.put("min_A_ANY_CONTACT", "sieben");
        typed.put("min_B_ON_SITE_VISIT", "4000");
        typed.put("graceDays", "");
        MockHttpServletResponse response = admin.post(adminUser, "/admin/quotas/drafts/" + draft, typed);
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page).contains("Please correct the marked fields.", "value=\"sieben\"", "value=\"4000\"",
                "Enter a whole number of days from 1 to 3650, or leave it blank for no minimum.",
                "Enter a whole number of days from 0 to 365.");

        // every 10 days needs up to ceil(30 / 10) = 3 contacts in 30 days; at most 2 forbids that
        typed = new HashMap<>(DEFAULTS);
        typed.put("min_B_ANY_CONTACT", "10");
        typed.put("max_B_ANY_CONTACT", "2");
        page = admin.post(adminUser, "/admin/quotas/drafts/" + draft, typed).getContentAsString();
        assertThat(page).contains("Too low: &quot;at least every 10 days&quot; needs up to 3 contacts in 30 days, "
                + "so allow at least 3.", "value=\"2\"");

        String saved = admin.page(adminUser, "/admin/quotas/drafts/" + draft);
        assertThat(saved).as("nothing half-written was stored").contains("id=\"min_A_ANY_CONTACT\"")
                .doesNotContain("sieben", "value=\"4000\"");
        assertThat(jdbc.queryForObject("SELECT at_least_every_days FROM visit_quota_draft_row WHERE draft_id = ? "
                + "AND tier = 'B' AND channel_group = 'ANY_CONTACT'", Integer.class, draft)).isEqualTo(14);
    }

    @Test
    void a_tier_contacted_less_often_than_the_next_is_a_warning_that_still_saves() throws Exception {
        long draft = AdminEditing.idIn(admin.post(adminUser, "/admin/quotas/drafts",
                Map.of("fromVersion", Integer.toString(versionBefore))).getRedirectedUrl());
        Map<String, String> typed = new HashMap<>(DEFAULTS);
        typed.put("min_A_ANY_CONTACT", "20");
        assertThat(admin.post(adminUser, "/admin/quotas/drafts/" + draft, typed).getRedirectedUrl())
                .isEqualTo("/admin/quotas/drafts/" + draft);
        assertThat(admin.page(adminUser, "/admin/quotas/drafts/" + draft))
                .contains("value=\"20\"", "Warning: longer than tier B (14 days)");
    }

    @Test
    void one_draft_at_a_time_and_a_version_published_meanwhile_makes_a_publish_fail_with_a_message() throws Exception {
        long draft = AdminEditing.idIn(admin.post(adminUser, "/admin/quotas/drafts",
                Map.of("fromVersion", Integer.toString(versionBefore))).getRedirectedUrl());
        assertThat(admin.post(adminUser, "/admin/quotas/drafts", Map.of("fromVersion",
                Integer.toString(versionBefore))).getRedirectedUrl()).isEqualTo("/admin/quotas/drafts/" + draft);

        // another admin publishes the same values as the next version meanwhile
        int taken = versionBefore + 1;
        jdbc.update("INSERT INTO visit_quota_policy (version, upgrade_grace_days, created_at, created_by, note) "
                + "SELECT ?, upgrade_grace_days, created_at, 'other-admin', note FROM visit_quota_policy WHERE version = ?",
                taken, versionBefore);
        jdbc.update("INSERT INTO visit_quota (policy_version, tier, channel_group, at_least_every_days, "
                + "at_most_per_30_days) SELECT ?, tier, channel_group, at_least_every_days, at_most_per_30_days "
                + "FROM visit_quota WHERE policy_version = ?", taken, versionBefore);

        assertThat(admin.postForFlash(adminUser, "/admin/quotas/drafts/" + draft + "/publish", Map.of()))
                .isEqualTo("flash.quota.concurrent");
        assertThat(version()).isEqualTo(taken);
        assertThat(jdbc.queryForObject("SELECT created_by FROM visit_quota_policy WHERE version = ?", String.class,
                taken)).isEqualTo("other-admin");
        assertThat(drafts.find(draft)).as("the draft is kept").isPresent();
    }

    @Test
    void managers_and_directors_are_refused() throws Exception {
        for (Role role : new Role[] {Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR}) {
            AppUser user = fixtures.user(role);
            assertThat(admin.get(user, "/admin/quotas").getStatus()).isEqualTo(403);
            assertThat(admin.get(user, "/admin/calendar").getStatus()).isEqualTo(403);
            assertThat(admin.post(user, "/admin/quotas/drafts", Map.of("fromVersion", "1")).getStatus())
                    .isEqualTo(403);
        }
        assertThat(drafts.openDraft()).isEmpty();
    }

    @Test
    void visits_that_follow_the_zone_make_a_red_zone_customer_due_every_four_days_and_my_day_says_why() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        // visited Mon 09-14; C: any contact every 30 days -> 10-14, no visit quota
        Customer red = visited(manager, "红区客户", "2026-09-14T10:00", "C");
        assertThat(admin.post(manager, "/customers/" + red.getId() + "/potential",
                Map.of("potential", "9", "adoption", "PREFERRED")).getStatus()).isEqualTo(302);
        assertThat(book.dueOn(red)).as("visits follow the tier until the policy says otherwise")
                .isEqualTo(LocalDate.of(2026, 10, 14));

        long draft = AdminEditing.idIn(admin.post(adminUser, "/admin/quotas/drafts",
                Map.of("fromVersion", Integer.toString(versionBefore))).getRedirectedUrl());
        Map<String, String> byZone = new HashMap<>(DEFAULTS);
        byZone.put("follows", "ZONE");
        assertThat(admin.post(adminUser, "/admin/quotas/drafts/" + draft, byZone).getRedirectedUrl())
                .isEqualTo("/admin/quotas/drafts/" + draft);
        String preview = admin.page(adminUser, "/admin/quotas/drafts/" + draft + "/preview?manager=" + manager.getId());
        assertThat(AdminEditing.previewCount(preview, "C", "earlier")).isEqualTo(1);
        admin.post(adminUser, "/admin/quotas/drafts/" + draft + "/publish", Map.of());
        admin.awaitRefresh();

        // red zone: visited 09-14 + 4 = Fri 09-18
        assertThat(book.dueOn(red)).isEqualTo(LocalDate.of(2026, 9, 18));
        assertThat(book.dueRule(red)).isEqualTo("RED_ZONE");
        assertThat(admin.page(manager, "/my-day")).contains("red zone (high potential, already using us): on-site visit every 4 days");
        assertThat(admin.page(adminUser, "/admin/quotas")).contains("On-site visits follow the zone", "Red zone: at least every 4 days");

        // the customer leaves the zone: its tier's cadence again
        admin.post(manager, "/customers/" + red.getId() + "/potential", Map.of("potential", "5", "adoption", "PREFERRED"));
        assertThat(book.dueOn(red)).isEqualTo(LocalDate.of(2026, 10, 14));
    }

    @Test
    void an_unknown_choice_for_what_visits_follow_is_refused_beside_it() throws Exception {
        long draft = AdminEditing.idIn(admin.post(adminUser, "/admin/quotas/drafts",
                Map.of("fromVersion", Integer.toString(versionBefore))).getRedirectedUrl());
        Map<String, String> bad = new HashMap<>(DEFAULTS);
        bad.put("follows", "WHATEVER");
        bad.put("min_zone_red", "0");
        MockHttpServletResponse page = admin.post(adminUser, "/admin/quotas/drafts/" + draft, bad);
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("Choose one of the listed options.", "value=\"0\"");
        assertThat(drafts.openDraft().orElseThrow().content().follows()).isEqualTo(CadenceBasis.TIER);
    }

    private Customer visited(AppUser manager, String name, String visitedAt, String tier) throws Exception {
        Customer customer = book.customer(manager, name, LocalDate.of(2026, 6, 1));
        book.logContact(manager, customer, "VISIT", visitedAt, null);
        book.classify(customer, tier);
        return customer;
    }

    private int version() {
        return jdbc.queryForObject("SELECT MAX(version) FROM visit_quota_policy", Integer.class);
    }
}

package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import com.keyaccount.crm.prospect.editor.LadderPublishing;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;

/**
 * The admin page /admin/prospect-ladder: the ladder in force in one form, its rows added, removed
 * and moved on the server with everything typed kept, errors beside their fields in both
 * languages, publishing, the conflict page, the versions and the audit log's words.
 */
@FullStackTest
class LadderEditorTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ProspectLadders ladders;
    private final LadderPublishing publishing;
    private final List<Long> prospects = new ArrayList<>();
    private AppUser admin;

    LadderEditorTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, ProspectLadders ladders,
            LadderPublishing publishing) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.ladders = ladders;
        this.publishing = publishing;
    }

    @BeforeEach
    void anAdmin() {
        Ladders.backToTheSeed(jdbc);
        admin = fixtures.user(Role.ADMIN);
    }

    @AfterEach
    void theSeedAgain() {
        for (long id : prospects) {
            jdbc.update("DELETE FROM prospect WHERE customer_id = ?", id);
            jdbc.update("UPDATE customer SET deleted = TRUE WHERE id = ?", id);
        }
        Ladders.backToTheSeed(jdbc);
    }

    @Test
    void the_editor_shows_the_ladder_in_force_with_its_version_in_words() throws Exception {
        Document page = page("/admin/prospect-ladder", "en");

        assertThat(page.getElementById("in-force").text()).contains("version 0");
        assertThat(page.getElementById("stages0.code").val()).isEqualTo("A21");
        assertThat(page.getElementById("stages5.nameZh").val()).isEqualTo("意向级");
        assertThat(page.getElementById("stages5.nameEn").val()).isEqualTo("Intent");
        assertThat(page.getElementById("stages4.requirement").select("option[selected]").text()).isEqualTo("one of");
        assertThat(page.getElementById("stages2.kind").select("option[selected]").text()).isEqualTo("refusal");
        assertThat(page.getElementById("stages1.conditions0.evidence").select("option[selected]").text())
                .isEqualTo("from the record: the five key facts");
        assertThat(page.getElementById("minAnnualSales").val()).isEqualTo("5,000,000");
        assertThat(page.getElementById("cadenceDaysC").val()).isEqualTo("15");
        assertThat(page.select("input[name=targetIndustries][checked]")).hasSize(11);
        assertThat(page.select("label[for=targetIndustries2]").text()).isEqualTo("Manufacturing");
        // keys travel hidden, never shown
        assertThat(page.select("input[type=hidden][name='stages[5].conditions[0].key']").val())
                .isEqualTo("intent_by_decision_maker");
        assertThat(page.select("main").text()).doesNotContain("intent_by_decision_maker", "DECISION_MAKER", "ALL_OF");
        assertThat(page("/admin/prospect-ladder", "zh-CN").getElementById("stages4.requirement").select("option[selected]").text())
                .isEqualTo("满足其一");
    }

    @Test
    void adding_and_removing_rows_keeps_everything_typed_and_publishes_nothing() throws Exception {
        MultiValueMap<String, String> typed = Ladders.form(SeedLadder.ladder(), 0);
        typed.set("stages[5].nameEn", "Intent, as typed");
        typed.set("cadenceDays[B]", "abc");

        Document added = Jsoup.parse(send(typed, "conditionAdd:5", "en").getContentAsString());

        assertThat(added.select("#stage-5 ol.conditions > li")).hasSize(6);
        assertThat(added.getElementById("stages5.conditions5.textZh").val()).isEmpty();
        assertThat(added.getElementById("stages5.nameEn").val()).isEqualTo("Intent, as typed");
        assertThat(added.getElementById("cadenceDaysB").val()).isEqualTo("abc");
        assertThat(errorBeside(added, "cadenceDaysB")).isEqualTo("Enter a whole number of days, e.g. 7.");

        typed.set("cadenceDays[B]", "7");
        Document moved = Jsoup.parse(send(typed, "stageUp:5", "en").getContentAsString());
        assertThat(moved.getElementById("stages4.code").val()).isEqualTo("A05");
        assertThat(moved.getElementById("stages4.nameEn").val()).isEqualTo("Intent, as typed");
        assertThat(moved.getElementById("stages5.code").val()).isEqualTo("A06");

        Document removed = Jsoup.parse(send(typed, "conditionRemove:5:0", "en").getContentAsString());
        assertThat(removed.select("#stage-5 ol.conditions > li")).hasSize(4);
        assertThat(removed.getElementById("stages5.conditions0.textEn").val())
                .isEqualTo("It was a considered, serious decision");

        Document stageAdded = Jsoup.parse(send(typed, "stageAdd:0", "en").getContentAsString());
        assertThat(stageAdded.getElementById("stages1.code").val()).isEmpty();
        assertThat(stageAdded.getElementById("stages2.code").val()).isEqualTo("A08");
        assertThat(stageAdded.select("#stage-1 h3").text()).isEqualTo("Stage 2 (new)");
        assertThat(ladders.inForce().version()).isZero();
    }

    @Test
    void a_stage_prospects_stand_on_stays_when_removed_with_why_on_it() throws Exception {
        int v1 = publishing.publish(Ladders.viewer(admin), Ladders.withStepAfter(SeedLadder.ladder(), "A05", "A045"), 0);
        prospectOn("A045");
        ProspectLadder inForce = ladders.inForce().ladder();
        int at = inForce.stages().indexOf(inForce.stage("A045").orElseThrow());

        Document en = Jsoup.parse(send(Ladders.form(inForce, v1), "stageRemove:" + at, "en").getContentAsString());
        Document zh = Jsoup.parse(send(Ladders.form(inForce, v1), "stageRemove:" + at, "zh-CN").getContentAsString());

        assertThat(en.getElementById("stages" + at + ".code").val()).isEqualTo("A045");
        assertThat(stageError(en, at))
                .isEqualTo("Stage A045 (Test stage) cannot be removed or get another code: 1 prospect stands on it.");
        assertThat(stageError(zh, at)).isEqualTo("阶段 A045（测试阶段）上有 1 个潜在客户，不能删除或更改代码。");

        // published without it all the same (a changed code): refused, said beside the row that had the code
        MultiValueMap<String, String> renamed = Ladders.form(inForce, v1);
        renamed.set("stages[" + at + "].code", "A046");
        Document refused = Jsoup.parse(send(renamed, "publish", "en").getContentAsString());
        assertThat(stageError(refused, at)).startsWith("Stage A045 (Test stage) cannot be removed");
        assertThat(refused.getElementById("stages" + at + ".code").val()).isEqualTo("A046");
        assertThat(ladders.inForce().version()).isEqualTo(v1);
    }

    @Test
    void what_cannot_be_published_is_said_beside_its_field_with_what_was_typed() throws Exception {
        MultiValueMap<String, String> typed = Ladders.form(SeedLadder.ladder(), 0);
        typed.set("minAnnualSales", "-5");
        typed.set("cadenceDays[C]", "0");
        typed.set("cadenceDays[D]", "99999999999999999999");
        typed.set("stages[3].code", "A08");
        typed.set("stages[5].conditions[1].textZh", "x".repeat(301));
        typed.set("stages[5].conditions[2].textEn", "");
        typed.set("stages[4].nameZh", "积极\u0000回应");
        typed.set("stages[6].kind", "WON");
        typed.remove("targetIndustries");

        Document en = Jsoup.parse(send(typed, "publish", "en").getContentAsString());

        assertThat(errorBeside(en, "minAnnualSales")).isEqualTo("Cannot be negative.");
        assertThat(en.getElementById("minAnnualSales").val()).isEqualTo("-5");
        assertThat(errorBeside(en, "cadenceDaysC")).isEqualTo("Enter a whole number of days from 1 to 3650.");
        assertThat(errorBeside(en, "cadenceDaysD")).isEqualTo("Enter a whole number of days, e.g. 7.");
        assertThat(en.getElementById("cadenceDaysD").val()).isEqualTo("99999999999999999999");
        assertThat(errorBeside(en, "stages3.code")).isEqualTo("Another stage has the code A08.");
        assertThat(errorBeside(en, "stages5.conditions1.textZh")).isEqualTo("At most 300 characters.");
        assertThat(errorBeside(en, "stages5.conditions2.textEn")).isEqualTo("Please fill this in.");
        assertThat(errorBeside(en, "stages4.nameZh")).isNotBlank();
        assertThat(en.select("p.alert-danger").text()).contains("The ladder needs exactly one won stage.");
        assertThat(en.select(".industry-choices + .field-error").text()).isEqualTo("Choose at least one target industry.");

        Document zh = Jsoup.parse(send(typed, "publish", "zh-CN").getContentAsString());
        assertThat(errorBeside(zh, "stages3.code")).isEqualTo("已有其他阶段使用代码 A08。");
        assertThat(zh.select("p.alert-danger").text()).contains("必须有且只有一个成交阶段。");
        assertThat(ladders.inForce().version()).isZero();
    }

    @Test
    void publishing_makes_the_ladder_the_next_version_and_the_audit_log_says_so_in_words() throws Exception {
        MultiValueMap<String, String> typed = Ladders.form(SeedLadder.ladder(), 0);
        typed.set("cadenceDays[B]", "14");
        typed.set("stages[5].conditions[0].evidence", "TICK");
        typed.set("minAnnualSales", "800万");
        typed.remove("targetIndustries");
        typed.add("targetIndustries", "MANUFACTURING");
        typed.add("targetIndustries", "IT");

        MvcResult result = mvc.perform(post("/admin/prospect-ladder").params(typed).param("action", "publish")
                .with(user(Fixtures.principal(admin))).with(csrf())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/prospect-ladder");
        assertThat(result.getFlashMap().get("flash")).isEqualTo("flash.ladder.published");
        ProspectLadder now = ladders.inForce().ladder();
        assertThat(ladders.inForce().version()).isEqualTo(1);
        assertThat(now.cadenceDays(CloseClass.B)).isEqualTo(14);
        assertThat(now.minAnnualSales()).isEqualByComparingTo("8000000");
        assertThat(now.targetIndustries()).extracting(Enum::name).containsExactlyInAnyOrder("MANUFACTURING", "IT");

        String log = page("/audit?actor=" + admin.getUsername(), "en").getElementById("audit").text();
        assertThat(log).contains("Prospect ladder version 1",
                "Follow-up cadence of close-time class B (days) 7 → 14",
                "Stage A05: how each condition is confirmed by the decision maker, by the salesperson",
                "Target industries Agriculture, Manufacturing",
                "→ Manufacturing, IT")
                .doesNotContain("DECISION_MAKER", "MANUFACTURING", "cadenceDays", "stage[A05]");
        String zh = page("/audit?actor=" + admin.getUsername(), "zh-CN").getElementById("audit").text();
        assertThat(zh).contains("潜在客户开发阶段 第 1 版", "预计成交时间 B 的跟进间隔（天） 7 → 14", "→ 制造业、IT 行业");
    }

    @Test
    void a_publication_over_a_newer_version_is_a_conflict_page_with_both_and_the_form_kept() throws Exception {
        publishing.publish(Ladders.viewer(fixtures.user(Role.ADMIN)),
                Ladders.withCadence(SeedLadder.ladder(), CloseClass.D, 21), 0);
        MultiValueMap<String, String> mine = Ladders.form(SeedLadder.ladder(), 0);
        mine.set("stages[1].nameEn", "In scope, checked");
        mine.set("stages[2].nameZh", "明确拒绝（已核实）");

        MockHttpServletResponse response = send(mine, "publish", "en");

        assertThat(response.getStatus()).isEqualTo(409);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Someone else published the prospect ladder");
        String compared = page.select("table.compare").text();
        assertThat(compared).contains("A08 In scope, checked / 范围级", "A08 In scope / 范围级", "every 30 days",
                "every 21 days", "A31 Clear refusal / 明确拒绝（已核实）", "A31 Clear refusal / 明确拒绝 ·");
        assertThat(page.getElementById("stages1.nameEn").val()).isEqualTo("In scope, checked");
        assertThat(page.getElementById("basedOn").val()).isEqualTo("1");
        assertThat(ladders.inForce().ladder().stage("A08").orElseThrow().nameEn()).isEqualTo("In scope");
        assertThat(ladders.inForce().ladder().cadenceDays(CloseClass.D)).isEqualTo(21);
    }

    @Test
    void an_old_version_can_be_viewed_and_restored_as_the_next_version() throws Exception {
        int v1 = publishing.publish(Ladders.viewer(admin), Ladders.withCadence(SeedLadder.ladder(), CloseClass.A, 3), 0);
        publishing.publish(Ladders.viewer(admin), Ladders.withCadence(SeedLadder.ladder(), CloseClass.A, 5), v1);

        Document list = page("/admin/prospect-ladder", "en");
        assertThat(list.getElementById("versions").select("tbody tr")).hasSize(3);
        assertThat(list.getElementById("version-1").text()).contains("version 1", admin.getUsername(), "Restore");
        assertThat(list.getElementById("version-2").text()).contains("in force").doesNotContain("Restore");
        assertThat(page("/admin/prospect-ladder/versions/1", "en").text())
                .contains("Prospect ladder, version 1", "Close-time class A: every 3 days", "意向级", "Intent");

        MvcResult restored = mvc.perform(post("/admin/prospect-ladder/versions/1/restore").param("basedOn", "2")
                .with(user(Fixtures.principal(admin))).with(csrf())).andReturn();
        assertThat(restored.getFlashMap().get("flash")).isEqualTo("flash.ladder.restored");
        assertThat(ladders.inForce().version()).isEqualTo(3);
        assertThat(ladders.inForce().ladder().cadenceDays(CloseClass.A)).isEqualTo(3);

        // the page was opened before version 3: nothing happens, and the admin is told why
        MockHttpServletResponse stale = mvc.perform(post("/admin/prospect-ladder/versions/2/restore")
                .param("basedOn", "2").header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .with(user(Fixtures.principal(admin))).with(csrf())).andReturn().getResponse();
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(Jsoup.parse(stale.getContentAsString()).select("p.alert-danger").text())
                .contains("Nothing was restored: version 3 has been published since you opened this page.");
        assertThat(ladders.inForce().version()).isEqualTo(3);
        assertThat(mvc.perform(get("/admin/prospect-ladder/versions/99").with(user(Fixtures.principal(admin))))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void only_admins_reach_the_editor() throws Exception {
        for (Role role : List.of(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR)) {
            AppUser other = fixtures.user(role);
            assertThat(mvc.perform(get("/admin/prospect-ladder").with(user(Fixtures.principal(other))))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
            assertThat(mvc.perform(post("/admin/prospect-ladder").params(Ladders.form(SeedLadder.ladder(), 0))
                    .param("action", "publish").with(user(Fixtures.principal(other))).with(csrf()))
                    .andReturn().getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
        assertThat(ladders.inForce().version()).isZero();
        assertThat(page("/admin", "en").select("a[href='/admin/prospect-ladder']").text()).contains("Prospect ladder");
    }

    private MockHttpServletResponse send(MultiValueMap<String, String> form, String action, String language)
            throws Exception {
        return mvc.perform(post("/admin/prospect-ladder").params(form).param("action", action)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language).with(user(Fixtures.principal(admin))).with(csrf()))
                .andReturn().getResponse();
    }

    private Document page(String url, String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .with(user(Fixtures.principal(admin)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return Jsoup.parse(response.getContentAsString());
    }

    /** The message right after a field's control (the shared field fragment puts it there). */
    private static String errorBeside(Document page, String id) {
        return page.getElementById(id).closest(".field").selectFirst(".field-error").text();
    }

    /** What is said about a stage as a whole, under its heading. */
    private static String stageError(Document page, int stage) {
        return page.getElementById("stage-" + stage).selectFirst(".stage-error").text();
    }

    private void prospectOn(String stage) {
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("潜在客户"));
        jdbc.update("UPDATE customer SET status = 'PROSPECT' WHERE id = ?", customer.getId());
        jdbc.update("INSERT INTO prospect (customer_id, stage, stage_since, version) VALUES (?, ?, CURRENT_TIMESTAMP, 0)",
                customer.getId(), stage);
        prospects.add(customer.getId());
    }
}

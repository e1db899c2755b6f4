package com.keyaccount.crm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Complaints as the people who handle them meet them (issue 18): recorded from the customer page
 * with computed deadlines, worked through answer → resolve → confirm, refused without a
 * resolution note, another manager's answering 404, overdue ones at the top of My day and
 * escalated to the director, and the service desk recording one through the API.
 */
@FullStackTest
class ComplaintsTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    ComplaintsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_manager_records_a_complaint_from_the_customer_page_and_works_it_to_confirmed() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("投诉客户"));

        assertThat(html(get("/customers/{id}", customer.getId()), manager, "zh-CN")).contains("记录投诉",
                "/customers/" + customer.getId() + "/complaints/new");
        assertThat(html(get("/customers/{id}/complaints/new", customer.getId()), manager, "en"))
                .contains("Record complaint", "Product quality", "Critical")
                .doesNotContain("answerDue", "resolveDue");

        long id = record(manager, customer, "DELIVERY", "CRITICAL", "货晚到三天，生产线停了半天");
        String page = html(get("/complaints/{id}", id), manager, "zh-CN");
        assertThat(page).contains("交货投诉", "已受理", "紧急", "货晚到三天，生产线停了半天", "回复期限", "解决期限",
                "时限依据", "C 类");
        assertThat(html(get("/customers/{id}", customer.getId()), manager, "en"))
                .as("open complaints are shown on the customer page").contains("Open complaints", "/complaints/" + id);

        step(manager, id, "answer", "明天上午补发").andExpect(status().is3xxRedirection());
        step(manager, id, "resolve", "已补发并赔付运费").andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_request WHERE customer_id = ?", Integer.class,
                customer.getId())).as("no survey asked for before the customer confirms").isZero();
        step(manager, id, "confirm", "").andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT reason FROM survey_request WHERE customer_id = ?", String.class,
                customer.getId())).as("the survey plan asks the customer after a confirmed resolution")
                .isEqualTo("COMPLAINT_RESOLVED");
        assertThat(html(get("/complaints/{id}", id), manager, "en")).contains("Confirmed by the customer",
                "明天上午补发", "已补发并赔付运费", "Received", "Answered", "Resolved");
        assertThat(jdbc.queryForList("SELECT step FROM complaint_step WHERE complaint_id = ? ORDER BY id", String.class,
                id)).containsExactly("RECEIVED", "ANSWERED", "RESOLVED", "CONFIRMED");
        assertThat(jdbc.queryForList("SELECT new_value FROM audit_event WHERE entity_type = 'Complaint' AND "
                + "entity_id = ? AND field = 'complaintStatus' ORDER BY id", String.class, id))
                .containsExactly("ANSWERED", "RESOLVED", "CONFIRMED");

        step(manager, id, "reopen", "同样问题又出现了").andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT status FROM complaint WHERE id = ?", String.class, id))
                .isEqualTo("ANSWERED");
    }

    @Test
    void bad_input_keeps_what_was_typed_and_records_nothing() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("投诉客户"));
        String page = perform(post("/customers/{id}/complaints", customer.getId()).with(csrf())
                .param("channel", "PHONE").param("severity", "MAJOR").param("category", "")
                .param("description", "包装破损严重").param("submissionToken", UUID.randomUUID().toString()), manager,
                "en").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("包装破损严重", "Required.");
        perform(post("/customers/{id}/complaints", customer.getId()).with(csrf()).param("channel", "NOPE")
                .param("severity", "MAJOR").param("category", "SERVICE").param("description", "x")
                .param("submissionToken", UUID.randomUUID().toString()), manager, "en")
                .andExpect(status().isOk());
        assertThat(count(customer)).isZero();
    }

    @Test
    void a_complaint_cannot_be_resolved_without_a_note_and_a_stale_step_is_a_conflict() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("投诉客户"));
        long id = record(manager, customer, "PRODUCT_QUALITY", "MINOR", "批次 2031 有划痕");

        String refused = step(manager, id, "resolve", "   ").andExpect(status().isBadRequest()).andReturn()
                .getResponse().getContentAsString();
        assertThat(refused).contains("Required.");
        assertThat(jdbc.queryForObject("SELECT status FROM complaint WHERE id = ?", String.class, id))
                .isEqualTo("RECEIVED");

        long seen = version(id);
        step(manager, id, "answer", "已安排质检").andExpect(status().is3xxRedirection());
        String conflict = perform(post("/complaints/{id}/resolve", id).with(csrf()).param("version",
                String.valueOf(seen)).param("text", "我这边写的解决说明"), manager, "en")
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("nothing was saved", "我这边写的解决说明", "已安排质检");
        assertThat(jdbc.queryForObject("SELECT status FROM complaint WHERE id = ?", String.class, id))
                .isEqualTo("ANSWERED");
    }

    @Test
    void another_managers_complaint_answers_404_and_cannot_be_moved() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(owner, Fixtures.unique("投诉客户"));
        long id = record(owner, customer, "SERVICE", "MAJOR", "客服态度差");

        perform(get("/complaints/{id}", id), other, "en").andExpect(status().isNotFound());
        perform(get("/complaints/{id}", 987_654_321L), other, "en").andExpect(status().isNotFound());
        perform(post("/complaints/{id}/resolve", id).with(csrf()).param("version", String.valueOf(version(id)))
                .param("text", "我来关掉"), other, "en").andExpect(status().isNotFound());
        perform(post("/complaints/{id}/assign", id).with(csrf()).param("version", String.valueOf(version(id)))
                .param("ownerId", String.valueOf(other.getId())), other, "en").andExpect(status().isNotFound());
        assertThat(html(get("/complaints").param("status", "all"), other, "en")).doesNotContain("/complaints/" + id + "\"");
        assertThat(jdbc.queryForObject("SELECT status FROM complaint WHERE id = ?", String.class, id))
                .isEqualTo("RECEIVED");
        assertThat(html(get("/complaints/{id}", id), fixtures.user(Role.SALES_DIRECTOR), "en")).contains("客服态度差");
    }

    @Test
    void an_overdue_complaint_heads_its_owners_day_and_is_escalated_to_the_director() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("逾期客户"));
        long id = record(manager, customer, "BILLING", "MAJOR", "发票开错了两次");
        long onTime = record(manager, customer, "DELIVERY", "MINOR", "还没到期的投诉");
        // received a week ago: both deadlines have passed
        jdbc.update("UPDATE complaint SET received_at = received_at - INTERVAL '7' DAY, "
                + "answer_due_at = answer_due_at - INTERVAL '30' DAY, resolve_due_at = resolve_due_at - INTERVAL '20' DAY "
                + "WHERE id = ?", id);

        String day = html(get("/my-day"), manager, "en");
        assertThat(day).contains("Overdue complaints", "/complaints/" + id).doesNotContain("/complaints/" + onTime + "\"");
        assertThat(day.indexOf("Overdue complaints")).as("at the top, before the follow-ups")
                .isLessThan(day.indexOf("id=\"due-overdue\""));
        String director = html(get("/my-day"), fixtures.user(Role.SALES_DIRECTOR), "en");
        assertThat(director).contains("Overdue complaints (escalated)", "/complaints/" + id);
        assertThat(html(get("/complaints").param("status", "overdue"), manager, "en")).contains("/complaints/" + id)
                .doesNotContain("/complaints/" + onTime + "\"");
        assertThat(html(get("/dashboard"), manager, "en")).contains("Complaints open", "1 overdue");
        assertThat(new String(perform(get("/complaints/export.csv").param("status", "all"), manager, "en")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
                StandardCharsets.UTF_8)).contains("Billing", "Major", "Received", "发票开错了两次")
                .doesNotContain("BILLING");
    }

    @Test
    void an_open_complaint_is_handed_to_a_colleague_whose_day_it_then_heads() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(owner, Fixtures.unique("转交客户"));
        long id = record(owner, customer, "PRODUCT_QUALITY", "MAJOR", "包装漏液，需要技术员上门");
        jdbc.update("UPDATE complaint SET answer_due_at = answer_due_at - INTERVAL '30' DAY, "
                + "resolve_due_at = resolve_due_at - INTERVAL '20' DAY WHERE id = ?", id);
        Object dueBefore = jdbc.queryForObject("SELECT resolve_due_at FROM complaint WHERE id = ?", Object.class, id);
        perform(get("/complaints/{id}", id), colleague, "en").andExpect(status().isNotFound());

        String refused = perform(post("/complaints/{id}/assign", id).with(csrf()).param("version",
                String.valueOf(version(id))).param("ownerId", String.valueOf(fixtures.user(Role.SALES_DIRECTOR).getId())),
                owner, "en").andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Choose an account manager.");
        long seen = version(id);
        perform(post("/complaints/{id}/assign", id).with(csrf()).param("version", String.valueOf(seen))
                .param("ownerId", String.valueOf(colleague.getId())), owner, "en")
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("SELECT owner_id FROM complaint WHERE id = ?", Long.class, id))
                .isEqualTo(colleague.getId());
        assertThat(jdbc.queryForObject("SELECT resolve_due_at FROM complaint WHERE id = ?", Object.class, id))
                .as("the customer is owed the same deadline").isEqualTo(dueBefore);
        assertThat(html(get("/my-day"), colleague, "en")).contains("Overdue complaints", "/complaints/" + id);
        assertThat(html(get("/my-day"), owner, "en")).doesNotContain("/complaints/" + id + "\"");
        assertThat(html(get("/complaints/{id}", id), colleague, "zh-CN")).contains("转交给 " + colleague.getDisplayName());
        assertThat(jdbc.queryForObject("SELECT new_value FROM audit_event WHERE entity_type = 'Complaint' AND "
                + "entity_id = ? AND field = 'complaintOwner'", String.class, id)).isEqualTo(colleague.getDisplayName());

        perform(post("/complaints/{id}/assign", id).with(csrf()).param("version", String.valueOf(seen))
                .param("ownerId", String.valueOf(owner.getId())), colleague, "en").andExpect(status().isConflict());
        step(colleague, id, "resolve", "技术员已更换密封圈").andExpect(status().is3xxRedirection());
        String resolved = html(get("/complaints/{id}", id), colleague, "en");
        assertThat(resolved).doesNotContain("/complaints/" + id + "/assign");
        perform(post("/complaints/{id}/assign", id).with(csrf()).param("version", String.valueOf(version(id)))
                .param("ownerId", String.valueOf(owner.getId())), colleague, "en").andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject("SELECT owner_id FROM complaint WHERE id = ?", Long.class, id))
                .isEqualTo(colleague.getId());
    }

    @Test
    void the_service_desk_records_a_complaint_through_the_api_with_the_same_checks() throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("接口投诉"));
        String token = (String) mvc.perform(post("/admin/api-tokens").param("name", "客服中心")
                .with(user(Fixtures.principal(admin))).with(csrf())).andReturn().getFlashMap().get("issuedToken");
        String body = """
                {"customerCode": "%s", "category": "DELIVERY", "severity": "CRITICAL",
                 "description": "客服中心转来：到货少了两箱", "requestId": "SD-%s"}""".formatted(customer.getCode(),
                UUID.randomUUID());
        mvc.perform(post("/api/v1/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        assertThat(count(customer)).as("a retried request records one").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT channel FROM complaint WHERE customer_id = ?", String.class,
                customer.getId())).isEqualTo("SERVICE_DESK");

        mvc.perform(post("/api/v1/complaints").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"customerCode": "NO-SUCH", "category": "NOPE", "description": " ", "requestId": "x"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[?(@.field == 'category')].reason").value("UNKNOWN_CODE"))
                .andExpect(jsonPath("$.errors[?(@.field == 'severity')].reason").value("REQUIRED"))
                .andExpect(jsonPath("$.errors[?(@.field == 'description')].reason").value("REQUIRED"));
    }

    @Test
    void an_admin_edits_the_deadlines_as_a_draft_refused_when_out_of_range_and_published_as_the_next_version()
            throws Exception {
        AppUser admin = fixtures.user(Role.ADMIN);
        assertThat(html(get("/admin/complaint-policy"), admin, "en")).contains("Complaint deadlines",
                "4 working hours", "2 working days", "Critical: 50% of the tier deadlines");
        perform(get("/admin/complaint-policy"), fixtures.user(Role.SALES_DIRECTOR), "en")
                .andExpect(status().isForbidden());
        int inForce = jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) FROM complaint_policy", Integer.class);
        String location = perform(post("/admin/complaint-policy/drafts").with(csrf())
                .param("fromVersion", String.valueOf(inForce)), admin, "en").andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/admin/complaint-policy/drafts/");
        // audit rows are kept for ever, also of a version an earlier run published and took back
        String audited = "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'ComplaintPolicy' AND entity_id = ?";
        long auditedBefore = jdbc.queryForObject(audited, Long.class, inForce + 1);
        try {
            assertThat(html(get(location), admin, "en")).contains("Publish as version " + (inForce + 1));
            String refused = html(post(location).with(csrf()).params(policy("0", "50")), admin, "en");
            assertThat(refused).contains("Between 1 and 200.");
            perform(post(location).with(csrf()).params(policy("3", "40")), admin, "en")
                    .andExpect(status().is3xxRedirection());
            long seen = jdbc.queryForObject("SELECT version FROM complaint_policy_draft", Long.class);
            perform(post(location + "/publish").with(csrf()).param("seenVersion", String.valueOf(seen)), admin, "en")
                    .andExpect(status().is3xxRedirection());
            assertThat(html(get("/admin/complaint-policy"), admin, "en")).contains("In force: version " + (inForce + 1),
                    "3 working hours", "Critical: 40% of the tier deadlines");
            assertThat(jdbc.queryForObject(audited, Long.class, inForce + 1)).isEqualTo(auditedBefore + 1);
        } finally {
            // the other tests expect the defaults: the version published here goes again
            jdbc.update("DELETE FROM complaint_policy_draft");
            jdbc.update("DELETE FROM complaint_policy WHERE version > ?", inForce);
        }
    }

    /** The default policy as the editor posts it, with tier A's answer hours and the critical share changed. */
    private static MultiValueMap<String, String> policy(String aAnswerHours,
            String criticalPercent) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("tierA.answer.amount", aAnswerHours);
        form.add("tierA.answer.unit", "HOURS");
        form.add("tierA.resolve.amount", "2");
        form.add("tierA.resolve.unit", "DAYS");
        form.add("tierB.answer.amount", "1");
        form.add("tierB.answer.unit", "DAYS");
        form.add("tierB.resolve.amount", "5");
        form.add("tierB.resolve.unit", "DAYS");
        form.add("tierC.answer.amount", "2");
        form.add("tierC.answer.unit", "DAYS");
        form.add("tierC.resolve.amount", "10");
        form.add("tierC.resolve.unit", "DAYS");
        form.add("minorPercent", "100");
        form.add("majorPercent", "100");
        form.add("criticalPercent", criticalPercent);
        form.add("dayStartHour", "9");
        form.add("dayEndHour", "18");
        form.add("note", "测试");
        return form;
    }

    private long record(AppUser who, Customer customer, String category, String severity, String text)
            throws Exception {
        perform(post("/customers/{id}/complaints", customer.getId()).with(csrf()).param("channel", "PHONE")
                .param("category", category).param("severity", severity).param("description", text)
                .param("submissionToken", UUID.randomUUID().toString()), who, "en")
                .andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("SELECT MAX(id) FROM complaint WHERE customer_id = ?", Long.class,
                customer.getId());
    }

    private ResultActions step(AppUser who, long id, String step, String text) throws Exception {
        return perform(post("/complaints/{id}/" + step, id).with(csrf()).param("version", String.valueOf(version(id)))
                .param("text", text), who, "en");
    }

    private long version(long id) {
        return jdbc.queryForObject("SELECT version FROM complaint WHERE id = ?", Long.class, id);
    }

    private long count(Customer customer) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE customer_id = ?", Long.class,
                customer.getId());
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, AppUser who, String language)
            throws Exception {
        return mvc.perform(request.with(user(Fixtures.principal(who))).header(HttpHeaders.ACCEPT_LANGUAGE, language));
    }

    private String html(MockHttpServletRequestBuilder request, AppUser who, String language) throws Exception {
        return perform(request, who, language).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}

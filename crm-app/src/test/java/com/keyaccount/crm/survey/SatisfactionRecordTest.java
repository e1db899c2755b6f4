package com.keyaccount.crm.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.survey.application.SurveyRequests;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** 记录满意度: the account manager's form, its checks, what it leaves in the audit log, the export and My day. */
@FullStackTest
class SatisfactionRecordTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final SurveyRequests requests;

    SatisfactionRecordTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, SurveyRequests requests) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.requests = requests;
    }

    private static MockHttpServletRequestBuilder answers(long customerId, AppUser as, String token) {
        return answers(customerId, as, token, "3", "2026-01-05T10:00");
    }

    private static MockHttpServletRequestBuilder answers(long customerId, AppUser as, String token, String third,
            String answeredAt) {
        return post("/customers/" + customerId + "/satisfaction").with(user(Fixtures.principal(as))).with(csrf())
                .param("channel", "VISIT").param("answeredAt", answeredAt).param("version", "1")
                .param("respondent", "王总").param("submissionToken", token)
                .param("answers[0].rating", "5").param("answers[1].rating", "5").param("answers[2].rating", third)
                .param("answers[3].rating", "4").param("answers[4].rating", "4").param("answers[5].rating", "6")
                .param("answers[6].text", "服务不错");
    }

    private static String body(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long responses(Customer c) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM survey_response WHERE customer_id = ?", Long.class, c.getId());
    }

    @Test
    void another_managers_customer_is_a_404_on_the_form_the_save_and_the_link() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer theirs = fixtures.customer(owner, Fixtures.unique("别人的"));
        assertThat(mvc.perform(get("/customers/" + theirs.getId() + "/satisfaction/new")
                .with(user(Fixtures.principal(other)))).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(answers(theirs.getId(), other, UUID.randomUUID().toString())).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/customers/" + theirs.getId() + "/satisfaction/link")
                .with(user(Fixtures.principal(other))).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(responses(theirs)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_link WHERE customer_id = ?", Long.class,
                theirs.getId())).isZero();
    }

    @Test
    void bad_input_comes_back_beside_its_field_with_everything_typed_kept() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer mine = fixtures.customer(owner, Fixtures.unique("我的"));
        MvcResult result = mvc.perform(answers(mine.getId(), owner, UUID.randomUUID().toString(), "9",
                "2099-01-01T10:00")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String html = body(result);
        assertThat(html).contains("请选择 1 到 5 之间的评分").contains("时间不能晚于现在")
                .contains("value=\"王总\"").contains("服务不错");
        assertThat(responses(mine)).isZero();
    }

    @Test
    void a_recorded_survey_shows_on_the_customer_page_is_audited_in_words_and_exported_in_words() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer mine = fixtures.customer(owner, Fixtures.unique("满意"));
        String token = UUID.randomUUID().toString();
        assertThat(mvc.perform(answers(mine.getId(), owner, token)).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        // the same form twice records once
        assertThat(mvc.perform(answers(mine.getId(), owner, token)).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(responses(mine)).isEqualTo(1);

        // 100, 100, 50, 75, 75 → 80.0; the recommend answer (6) stays out of the score
        String page = body(mvc.perform(get("/customers/" + mine.getId()).param("lang", "en")
                .with(user(Fixtures.principal(owner)))).andReturn());
        assertThat(page).contains("80.0 / 100").contains("Would recommend us: 6 of 10").contains("服务不错");

        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String audit = body(mvc.perform(get("/audit").param("customer", mine.getCode()).param("lang", "en")
                .with(user(Fixtures.principal(director)))).andReturn());
        assertThat(audit).contains("Satisfaction survey answer").contains(">On-site visit<").doesNotContain(">SurveyResponse<")
                .doesNotContain(">VISIT<");

        String csv = body(mvc.perform(get("/satisfaction/export.csv").param("lang", "en")
                .with(user(Fixtures.principal(owner)))).andReturn());
        assertThat(csv).contains("How it was answered").contains("Overall, how satisfied are you with us?")
                .contains(mine.getCode()).doesNotContain("VISIT").doesNotContain("SCALE_5");
        // a manager's export holds their own book only
        assertThat(csv.lines().skip(1).filter(l -> !l.isBlank()).allMatch(l -> l.contains(mine.getCode()))).isTrue();
    }

    @Test
    void a_resolved_complaint_puts_the_customer_on_the_due_list_until_it_answers() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer mine = fixtures.customer(owner, Fixtures.unique("投诉后"));
        // a customer created today is not yet due periodically
        assertThat(body(mvc.perform(get("/satisfaction/due").with(user(Fixtures.principal(owner)))).andReturn()))
                .doesNotContain(mine.getName());
        assertThat(requests.dueCount(owner.getId())).isZero();
        requests.afterComplaintResolved(mine.getId(), owner.getUsername());
        assertThat(requests.dueCount(owner.getId())).isOne();
        // a customer for two years, never asked: its tier's months (C: 12) are over
        Customer old = fixtures.customer(owner, Fixtures.unique("老客户"));
        jdbc.update("UPDATE customer SET created_at = created_at - INTERVAL '2' YEAR WHERE id = ?", old.getId());
        assertThat(requests.dueCount(owner.getId())).isEqualTo(2).isEqualTo(requests.dueFor(owner.getId()).size());
        assertThat(body(mvc.perform(get("/satisfaction/due").with(user(Fixtures.principal(owner)))).andReturn()))
                .contains(mine.getName()).contains("投诉已确认解决");
        assertThat(body(mvc.perform(get("/my-day").with(user(Fixtures.principal(owner)))).andReturn()))
                .contains("2 位客户待做满意度调查");
        mvc.perform(answers(mine.getId(), owner, UUID.randomUUID().toString()));
        assertThat(body(mvc.perform(get("/satisfaction/due").with(user(Fixtures.principal(owner)))).andReturn()))
                .doesNotContain(mine.getName());
    }
}

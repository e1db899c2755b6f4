package com.keyaccount.crm.prospect.web.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.prospect.application.ProspectLadders.InForce;
import com.keyaccount.crm.prospect.editor.LadderRefusedException;
import com.keyaccount.crm.prospect.editor.PublishedLadder;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.security.CrmUser;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.web.Html;
import com.keyaccount.crm.web.WebSliceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The ladder form against a mocked use case: the ladder typed is what is published, and what the
 * use case says is wrong reads in words, in both languages, where the admin looks for it.
 */
class LadderEditorControllerTest extends WebSliceTest {

    private static final CrmUser ADMIN = new CrmUser(1, "admin", "{noop}secret", "管理员", Role.ADMIN, true);

    @BeforeEach
    void versionFourInForce() {
        given(ladderPublishing.inForce()).willReturn(new InForce(4, SeedLadder.ladder()));
        given(ladderPublishing.versions()).willReturn(List.of(new PublishedLadder(4, SeedLadder.ladder(), "admin", NOW),
                new PublishedLadder(0, SeedLadder.ladder(), null, null)));
    }

    @Test
    void the_ladder_typed_is_published_with_the_version_it_was_edited_from() throws Exception {
        ProspectLadder seed = SeedLadder.ladder();
        ProspectLadder expected = new ProspectLadder(seed.stages().stream().map(s -> !s.code().equals("A04") ? s
                : new StageDefinition("A04", "价格级（已谈妥）", s.nameEn(), s.kind(), s.requirement(), s.conditions())).toList(),
                seed.projectFactors(), seed.targetIndustries(), seed.minAnnualSales(), seed.cadenceDays());

        MockHttpServletResponse response = mvc.perform(form(seed, 4, Map.of("stages[6].nameZh", " 价格级（已谈妥） ",
                "stages[6].code", "a04")).param("action", "publish")).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/admin/prospect-ladder");
        verify(ladderPublishing).publish(any(), eq(expected), eq(4));
    }

    @Test
    void a_violation_no_field_shows_is_said_above_the_form_and_a_stage_in_use_on_the_stage_that_had_it()
            throws Exception {
        given(ladderPublishing.violations(any())).willReturn(List.of(
                Violation.of("stages", "leadInUse", "A21", "资料级", "Lead", 1234L),
                Violation.of("stages", "stageInUse", "A07", "不拒绝", "Not refused", 2L),
                Violation.of("stages", "kindCount", "CLOSED", 0, 1)));

        String en = page(form(SeedLadder.ladder(), 4, Map.of("stages[3].code", "A70")).param("action", "publish"), "en");
        String zh = page(form(SeedLadder.ladder(), 4, Map.of("stages[3].code", "A70")).param("action", "publish"), "zh-CN");

        assertThat(en).contains(
                ">The first stage cannot change from A21 (Lead): prospects without a recorded stage stand on it (1,234).<",
                ">The ladder can have at most one closed stage.<");
        assertThat(en).containsPattern("id=\"stage-3\"[^>]*>\\s*<input[^>]*>\\s*<div class=\"stage-head\">(?s:.*?)</div>\\s*"
                + "<p class=\"[^\"]*stage-error\">Stage A07 \\(Not refused\\) cannot be removed or get another code: "
                + "2 prospects stand on it.</p>");
        assertThat(Html.inputValue(en, "stages3.code")).isEqualTo("A70");
        assertThat(zh).contains(">第一个阶段不能从 A21（资料级）改为其他阶段：有 1,234 个尚未记录阶段的潜在客户处于该阶段。<",
                ">最多只能有一个结案阶段。<");
        assertThat(zh).contains("stage-error\">阶段 A07（不拒绝）上有 2 个潜在客户，不能删除或更改代码。</p>");
        verify(ladderPublishing, never()).publish(any(), any(), anyInt());
    }

    @Test
    void a_restore_that_would_strand_prospects_answers_why_and_publishes_nothing() throws Exception {
        given(ladderPublishing.restore(any(), eq(2), eq(4))).willThrow(new LadderRefusedException(List.of(
                Violation.of("stages", "stageInUse", "A045", "测试阶段", "Test stage", 1L))));

        MockHttpServletResponse response = mvc.perform(post("/admin/prospect-ladder/versions/2/restore")
                .param("basedOn", "4").header(HttpHeaders.ACCEPT_LANGUAGE, "en").with(user(ADMIN)).with(csrf()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains(">Version 2 cannot be restored as it is:<",
                ">Stage A045 (Test stage) cannot be removed or get another code: 1 prospect stands on it.<");
    }

    @Test
    void a_malformed_button_only_checks_the_form() throws Exception {
        String page = page(form(SeedLadder.ladder(), 4, Map.of()).param("action", "stageRemove:x:"), "en");

        assertThat(Html.inputValue(page, "stages9.code")).isEqualTo("A01");
        verify(ladderPublishing, never()).publish(any(), any(), anyInt());
    }

    private String page(MockHttpServletRequestBuilder request, String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The ladder as the editor posts it, with some fields typed over. */
    private static MockHttpServletRequestBuilder form(ProspectLadder ladder, int basedOn, Map<String, String> typed) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("basedOn", Integer.toString(basedOn));
        for (int i = 0; i < ladder.stages().size(); i++) {
            StageDefinition s = ladder.stages().get(i);
            String at = "stages[" + i + "].";
            params.add(at + "code", s.code());
            params.add(at + "originalCode", s.code());
            params.add(at + "nameZh", s.nameZh());
            params.add(at + "nameEn", s.nameEn());
            params.add(at + "kind", s.kind().name());
            params.add(at + "requirement", s.requirement().name());
            conditions(params, at + "conditions", s.conditions());
        }
        conditions(params, "projectFactors", ladder.projectFactors());
        ladder.targetIndustries().forEach(industry -> params.add("targetIndustries", industry.name()));
        params.add("minAnnualSales", ladder.minAnnualSales().toPlainString());
        ladder.cadenceDays().forEach((c, d) -> params.add("cadenceDays[" + c + "]", Integer.toString(d)));
        typed.forEach(params::set);
        return post("/admin/prospect-ladder").with(user(ADMIN)).with(csrf()).params(params);
    }

    private static void conditions(MultiValueMap<String, String> params, String path, List<LadderCondition> conditions) {
        for (int j = 0; j < conditions.size(); j++) {
            LadderCondition c = conditions.get(j);
            String at = path + "[" + j + "].";
            params.add(at + "key", c.key());
            params.add(at + "textZh", c.textZh());
            params.add(at + "textEn", c.textEn());
            params.add(at + "evidence", c.evidence().name());
        }
    }
}

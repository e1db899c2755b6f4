package com.keyaccount.crm.contactlog.web;

import static com.keyaccount.crm.web.Fixtures.MANAGER;
import static com.keyaccount.crm.web.Html.errorBeside;
import static com.keyaccount.crm.web.Html.inputValue;
import static com.keyaccount.crm.web.Html.textareaText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.keyaccount.crm.contactlog.LogContactCommand;
import com.keyaccount.crm.contactlog.RecordedLog;
import com.keyaccount.crm.web.Fixtures;
import com.keyaccount.crm.web.WebSliceTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.ResultActions;

/** The clock stands at 10:00 on 2026-03-10, Shanghai time (02:00 UTC). */
class ContactLogControllerTest extends WebSliceTest {

    static final String TOKEN = "3f1c2b9e-8d4a-4e6f-9a71-0c5d2e8b7a10";
    static final String SUMMARY = "拜访采购部，讨论 2026 年框架协议";

    @BeforeEach
    void aCustomer() {
        given(customers.get(any(), eq(1L))).willReturn(Fixtures.customer(1, "上海精密机械有限公司"));
    }

    private static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", "VISIT");
        form.put("occurredAt", "2026-03-10T09:30");
        form.put("summary", SUMMARY);
        form.put("outcome", "");
        form.put("nextStep", "寄送报价单");
        form.put("agreedNextOn", "2026-03-17");
        form.put("submissionToken", TOKEN);
        return form;
    }

    private ResultActions record(Map<String, String> form) throws Exception {
        var request = post("/customers/1/logs").with(user(MANAGER)).with(csrf())
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en");
        form.forEach(request::param);
        return mvc.perform(request);
    }

    private static String html(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    @Test
    void the_new_log_form_starts_at_the_current_shanghai_time() throws Exception {
        String html = mvc.perform(get("/customers/1/logs/new").with(user(MANAGER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(inputValue(html, "occurredAt")).startsWith("2026-03-10T10:00");
        assertThat(inputValue(html, "submissionToken")).matches("[0-9a-f\\-]{36}");
    }

    @Test
    void a_valid_log_is_recorded_and_the_timeline_shown() throws Exception {
        given(contactLogs.record(any(), eq(1L), any())).willReturn(new RecordedLog(10, 1, false));

        record(validForm())
                .andExpect(redirectedUrl("/customers/1#timeline"))
                .andExpect(flash().attribute("flash", "flash.log.created"));
    }

    @Test
    void the_time_typed_is_read_as_shanghai_wall_time() throws Exception {
        given(contactLogs.record(any(), eq(1L), any())).willReturn(new RecordedLog(10, 1, false));

        record(validForm()).andExpect(redirectedUrl("/customers/1#timeline"));

        ArgumentCaptor<LogContactCommand> command = ArgumentCaptor.forClass(LogContactCommand.class);
        verify(contactLogs).record(eq(MANAGER.viewer()), eq(1L), command.capture());
        assertThat(command.getValue().occurredAt()).isEqualTo(Instant.parse("2026-03-10T01:30:00Z"));
        assertThat(command.getValue().submissionToken()).isEqualTo(TOKEN);
    }

    @Test
    void a_log_a_few_minutes_ahead_of_the_server_clock_is_accepted() throws Exception {
        given(contactLogs.record(any(), eq(1L), any())).willReturn(new RecordedLog(10, 1, false));
        Map<String, String> form = validForm();
        form.put("occurredAt", "2026-03-10T10:09");

        record(form).andExpect(redirectedUrl("/customers/1#timeline"));
    }

    @Test
    void a_log_in_the_future_is_rejected_and_the_typed_summary_kept() throws Exception {
        Map<String, String> form = validForm();
        form.put("occurredAt", "2026-03-10T10:11");

        String html = html(record(form)
                .andExpect(status().isOk())
                .andExpect(view().name("contactlogs/form")));

        assertThat(errorBeside(html, "occurredAt")).isEqualTo("A contact cannot lie in the future.");
        assertThat(textareaText(html, "summary")).isEqualTo(SUMMARY);
        verify(contactLogs, never()).record(any(), anyLong(), any());
    }

    @Test
    void a_next_contact_agreed_before_this_one_is_rejected() throws Exception {
        Map<String, String> form = validForm();
        form.put("occurredAt", "2026-03-10T09:00");
        form.put("agreedNextOn", "2026-03-09");

        String html = html(record(form)
                .andExpect(status().isOk())
                .andExpect(view().name("contactlogs/form")));

        assertThat(errorBeside(html, "agreedNextOn")).isEqualTo("The next contact cannot be before this one.");
        assertThat(errorBeside(html, "occurredAt")).isNull();
        assertThat(textareaText(html, "summary")).isEqualTo(SUMMARY);
        verify(contactLogs, never()).record(any(), anyLong(), any());
    }

    @Test
    void a_resubmitted_form_says_it_was_already_logged() throws Exception {
        given(contactLogs.record(any(), eq(1L), any())).willReturn(new RecordedLog(10, 1, true));

        record(validForm())
                .andExpect(redirectedUrl("/customers/1#timeline"))
                .andExpect(flash().attribute("flash", "flash.log.duplicate"));
    }

    @Test
    void a_concurrent_resubmit_answers_with_the_log_already_written() throws Exception {
        given(contactLogs.record(any(), eq(1L), any()))
                .willThrow(new DataIntegrityViolationException("uk_contact_log_submission_token"));
        given(contactLogs.findSubmission(TOKEN)).willReturn(Optional.of(new RecordedLog(10, 1, true)));

        record(validForm())
                .andExpect(redirectedUrl("/customers/1#timeline"))
                .andExpect(flash().attribute("flash", "flash.log.duplicate"));
    }

    @Test
    void a_tampered_token_records_nothing_keeps_the_typed_text_and_issues_a_fresh_token() throws Exception {
        Map<String, String> form = validForm();
        form.put("submissionToken", "<bad>");

        String html = html(record(form)
                .andExpect(status().isOk())
                .andExpect(view().name("contactlogs/form")));

        assertThat(textareaText(html, "summary")).isEqualTo(SUMMARY);
        assertThat(textareaText(html, "nextStep")).isEqualTo("寄送报价单");
        assertThat(inputValue(html, "submissionToken")).matches("[0-9a-f-]{36}");
        assertThat(errorBeside(html, "submissionToken")).isEqualTo("This form had expired; check the entries and save again.");
        verify(contactLogs, never()).record(any(), anyLong(), any());
    }
}

package com.keyaccount.crm.customer.web;

import static com.keyaccount.crm.web.Fixtures.MANAGER;
import static com.keyaccount.crm.web.Html.errorBeside;
import static com.keyaccount.crm.web.Html.inputValue;
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

import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.DuplicateCustomerCodeException;
import com.keyaccount.crm.customer.StaleCustomerException;
import com.keyaccount.crm.web.Fixtures;
import com.keyaccount.crm.web.WebSliceTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.HttpHeaders;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.ResultActions;

class CustomerControllerTest extends WebSliceTest {

    /** A complete, valid customer form as the browser posts it. */
    private static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", "ACME-01");
        form.put("name", "上海精密机械有限公司");
        form.put("industry", "MANUFACTURING");
        form.put("region", "EAST");
        form.put("status", "ACTIVE");
        form.put("lostReason", "");
        form.put("annualSales", "2500000.00");
        form.put("employeeCount", "120");
        form.put("address", "上海市浦东新区张江路 88 号");
        form.put("version", "3");
        return form;
    }

    private ResultActions postForm(String url, Map<String, String> form) throws Exception {
        return postForm(url, form, "en");
    }

    private ResultActions postForm(String url, Map<String, String> form, String language) throws Exception {
        var request = post(url).with(user(MANAGER)).with(csrf()).header(HttpHeaders.ACCEPT_LANGUAGE, language);
        form.forEach(request::param);
        return mvc.perform(request);
    }

    private String html(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    // --- create ---

    @Test
    void a_valid_new_customer_is_created_and_its_page_opened() throws Exception {
        given(customers.create(any(), any(), any())).willReturn(Fixtures.customer(42, "上海精密机械有限公司"));

        postForm("/customers", validForm())
                .andExpect(redirectedUrl("/customers/42"))
                .andExpect(flash().attribute("flash", "flash.customer.created"));

        ArgumentCaptor<CustomerProfile> profile = ArgumentCaptor.forClass(CustomerProfile.class);
        verify(customers).create(eq(MANAGER.viewer()), profile.capture(), any());
        assertThat(profile.getValue().name()).isEqualTo("上海精密机械有限公司");
    }

    @Test
    void an_invalid_form_comes_back_with_what_the_user_typed() throws Exception {
        Map<String, String> form = validForm();
        form.put("name", "  ");
        form.put("annualSales", "abc");

        String html = html(postForm("/customers", form)
                .andExpect(status().isOk())
                .andExpect(view().name("customers/form")));

        assertThat(inputValue(html, "annualSales")).isEqualTo("abc");
        assertThat(inputValue(html, "code")).isEqualTo("ACME-01");
        assertThat(inputValue(html, "address")).isEqualTo("上海市浦东新区张江路 88 号");
        assertThat(inputValue(html, "employeeCount")).isEqualTo("120");
    }

    @Test
    void an_invalid_form_shows_each_error_beside_its_field_and_saves_nothing() throws Exception {
        Map<String, String> form = validForm();
        form.put("name", "");
        form.put("annualSales", "abc");

        String html = html(postForm("/customers", form).andExpect(status().isOk()));

        assertThat(errorBeside(html, "name")).isEqualTo("Required.");
        assertThat(errorBeside(html, "annualSales")).isEqualTo("Enter an amount, e.g. 12,500,000, ¥1,234.50 or 1250万");
        assertThat(errorBeside(html, "code")).isNull();
        assertThat(html).contains("Please correct the marked fields.");
        verify(customers, never()).create(any(), any(), any());
    }

    @Test
    void form_errors_are_in_chinese_for_a_chinese_browser() throws Exception {
        Map<String, String> form = validForm();
        form.put("annualSales", "abc");

        String html = html(postForm("/customers", form, "zh-CN").andExpect(status().isOk()));

        assertThat(errorBeside(html, "annualSales")).isEqualTo("请输入金额，例如 12,500,000、¥1,234.50 或 1250万");
    }

    @Test
    void a_new_customer_cannot_be_created_lost() throws Exception {
        Map<String, String> form = validForm();
        form.put("status", "LOST");
        form.put("lostReason", "价格");

        String html = html(postForm("/customers", form)
                .andExpect(status().isOk())
                .andExpect(view().name("customers/form")));

        assertThat(errorBeside(html, "status")).startsWith("A customer is marked lost on its own form");
        assertThat(html).doesNotContain("<option value=\"LOST\"");
        verify(customers, never()).create(any(), any(), any());
    }

    @Test
    void the_edit_form_of_a_customer_not_lost_offers_no_lost_status_but_the_lost_form() throws Exception {
        given(customers.get(any(), eq(1L))).willReturn(Fixtures.customer(1, "上海精密机械有限公司"));

        String html = html(mvc.perform(get("/customers/1/edit").with(user(MANAGER))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")).andExpect(status().isOk()));

        assertThat(html).contains("<option value=\"DORMANT\"").doesNotContain("<option value=\"LOST\"")
                .contains("href=\"/customers/1/lost\"").doesNotContain("name=\"lostReason\"");
    }

    @Test
    void an_edit_cannot_make_a_customer_lost_without_the_structured_reason() throws Exception {
        given(customers.get(any(), eq(1L))).willReturn(Fixtures.customer(1, "上海精密机械有限公司"));
        Map<String, String> form = validForm();
        form.put("status", "LOST");
        form.put("lostReason", "价格太高");

        String html = html(postForm("/customers/1", form, "zh-CN")
                .andExpect(status().isOk())
                .andExpect(view().name("customers/form")));

        assertThat(errorBeside(html, "status")).startsWith("标记客户流失请使用客户页面上的");
        assertThat(inputValue(html, "name")).isEqualTo("上海精密机械有限公司");
        verify(customers, never()).update(any(), anyLong(), anyLong(), any(), any());
    }

    @Test
    void a_customer_already_lost_keeps_its_status_and_still_needs_its_reason() throws Exception {
        var lost = Fixtures.customer(1, "上海精密机械有限公司");
        lost.markLost("价格", WebSliceTest.NOW);
        given(customers.get(any(), eq(1L))).willReturn(lost);
        Map<String, String> form = validForm();
        form.put("status", "LOST");
        form.put("lostReason", " ");

        String html = html(postForm("/customers/1", form)
                .andExpect(status().isOk())
                .andExpect(view().name("customers/form")));

        assertThat(errorBeside(html, "lostReason")).isEqualTo("Say why the customer was lost.");
        assertThat(errorBeside(html, "status")).isNull();
        assertThat(html).contains("<option value=\"LOST\" selected=\"selected\"");
        verify(customers, never()).update(any(), anyLong(), anyLong(), any(), any());

        form.put("lostReason", "价格，转向华东机电");
        postForm("/customers/1", form).andExpect(redirectedUrl("/customers/1"));
    }

    @Test
    void a_code_already_in_use_is_reported_beside_the_code() throws Exception {
        given(customers.create(any(), any(), any())).willThrow(new DuplicateCustomerCodeException("ACME-01"));

        String html = html(postForm("/customers", validForm())
                .andExpect(status().isOk())
                .andExpect(view().name("customers/form")));

        assertThat(errorBeside(html, "code"))
                .isEqualTo("This code is already used by another customer (possibly a deleted one).");
        assertThat(inputValue(html, "code")).isEqualTo("ACME-01");
        assertThat(inputValue(html, "name")).isEqualTo("上海精密机械有限公司");
    }

    // --- update ---

    @Test
    void a_valid_edit_is_saved_against_the_version_the_user_loaded() throws Exception {
        given(customers.get(any(), eq(1L))).willReturn(Fixtures.customer(1, "上海精密机械有限公司"));

        postForm("/customers/1", validForm())
                .andExpect(redirectedUrl("/customers/1"))
                .andExpect(flash().attribute("flash", "flash.customer.updated"));

        verify(customers).update(eq(MANAGER.viewer()), eq(1L), eq(3L), any(), any());
    }

    @Test
    void an_edit_saved_over_someone_elses_shows_both_values_side_by_side() throws Exception {
        givenSomeoneElseSaved("上海精密机械（李娜已改）");
        Map<String, String> form = validForm();
        form.put("name", "上海精密机械（我的修改）");

        String html = html(postForm("/customers/1", form)
                .andExpect(status().isConflict())
                .andExpect(view().name("customers/conflict")));

        assertThat(html).containsPattern("<td>Company name</td>\\s*"
                + "<td class=\"pre\">上海精密机械（我的修改）</td>\\s*"
                + "<td class=\"pre\">上海精密机械（李娜已改）</td>");
    }

    @Test
    void the_conflict_page_keeps_the_users_input_ready_to_save_over_the_current_version() throws Exception {
        givenSomeoneElseSaved("上海精密机械（李娜已改）");
        Map<String, String> form = validForm();
        form.put("name", "上海精密机械（我的修改）");

        String html = html(postForm("/customers/1", form).andExpect(status().isConflict()));

        assertThat(inputValue(html, "name")).isEqualTo("上海精密机械（我的修改）");
        assertThat(inputValue(html, "version")).isEqualTo("4");
    }

    private void givenSomeoneElseSaved(String theirName) {
        var current = Fixtures.customer(1, theirName);
        ReflectionTestUtils.setField(current, "version", 4L);
        given(customers.get(any(), eq(1L))).willReturn(current);
        given(customers.update(any(), eq(1L), anyLong(), any(), any())).willThrow(new StaleCustomerException(1));
    }
}

package com.keyaccount.crm.customer.web;

import static com.keyaccount.crm.web.Fixtures.DIRECTOR;
import static com.keyaccount.crm.web.Fixtures.MANAGER;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.web.Fixtures;
import com.keyaccount.crm.web.WebSliceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyAccountDesignationControllerTest extends WebSliceTest {

    @BeforeEach
    void aCustomer() {
        given(customers.get(any(), eq(1L))).willReturn(Fixtures.customer(1, "上海精密机械有限公司"));
    }

    @Test
    void an_account_manager_may_not_designate_a_key_account() throws Exception {
        mvc.perform(post("/customers/1/designation").param("reason", "战略客户").with(user(MANAGER)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(overrides, never()).designate(any(), anyLong(), anyString());
    }

    @Test
    void a_director_designates_with_the_reason_trimmed() throws Exception {
        given(overrides.designate(any(), anyLong(), anyString())).willReturn(true);
        mvc.perform(post("/customers/1/designation").param("reason", "  集团战略客户  ").with(user(DIRECTOR)).with(csrf()))
                .andExpect(redirectedUrl("/customers/1"))
                .andExpect(flash().attribute("flash", "flash.customer.designated"));
        verify(overrides).designate(DIRECTOR.viewer(), 1L, "集团战略客户");
    }

    @Test
    void designating_a_customer_not_yet_classified_says_when_the_tier_follows() throws Exception {
        given(overrides.designate(any(), anyLong(), anyString())).willReturn(false);
        mvc.perform(post("/customers/1/designation").param("reason", "新战略客户").with(user(DIRECTOR)).with(csrf()))
                .andExpect(flash().attribute("flash", "flash.customer.designatedNotClassified"));
    }

    @Test
    void a_designation_without_reason_goes_back_with_an_error_and_saves_nothing() throws Exception {
        mvc.perform(post("/customers/1/designation").param("reason", "   ").with(user(DIRECTOR)).with(csrf()))
                .andExpect(redirectedUrl("/customers/1#designation"))
                .andExpect(flash().attribute("designationError", "customer.designation.reason.required"));
        verify(overrides, never()).designate(any(), anyLong(), anyString());
    }

    @Test
    void a_change_the_role_does_not_allow_answers_the_403_page() throws Exception {
        willThrow(new NotPermittedException("withdraw")).given(overrides).withdrawDesignation(any(), eq(1L));

        mvc.perform(post("/customers/1/designation/withdraw").with(user(DIRECTOR)).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(view().name("error/403"));
    }
}

package com.keyaccount.crm.security;

import static com.keyaccount.crm.web.Fixtures.DIRECTOR;
import static com.keyaccount.crm.web.Fixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.web.WebSliceTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.test.web.servlet.MvcResult;

class SecurityConfigTest extends WebSliceTest {

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() throws Exception {
        mvc.perform(get("/customers"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        verifyNoInteractions(customers);
    }

    @Test
    void the_login_page_is_open_to_anonymous_visitors() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void the_design_system_is_served_to_the_login_page_from_the_app_and_kept_while_its_version_stands() throws Exception {
        for (String file : List.of("/webjars/bootstrap/5.3.3/dist/css/bootstrap.min.css",
                "/webjars/bootstrap/5.3.3/dist/js/bootstrap.bundle.min.js",
                "/webjars/bootstrap-icons/1.11.3/font/bootstrap-icons.min.css",
                "/webjars/bootstrap-icons/1.11.3/font/fonts/bootstrap-icons.woff2")) {
            MvcResult result = mvc.perform(get(file)).andExpect(status().isOk()).andReturn();
            assertThat(result.getResponse().getHeader("Cache-Control")).as(file).contains("max-age=31536000", "immutable");
        }
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("href=\"/webjars/bootstrap/5.3.3/dist/css/bootstrap.min.css\"",
                "src=\"/webjars/bootstrap/5.3.3/dist/js/bootstrap.bundle.min.js\"");
    }

    @Test
    void a_post_without_csrf_token_is_refused_even_for_the_owner() throws Exception {
        mvc.perform(post("/customers/1/logs").with(user(MANAGER))
                        .param("channel", "PHONE")
                        .param("occurredAt", "2026-03-10T09:00")
                        .param("summary", "询价")
                        .param("submissionToken", UUID.randomUUID().toString()))
                .andExpect(status().isForbidden());
        verifyNoInteractions(contactLogs);
        verifyNothingWritten();
    }

    @Test
    void an_account_manager_may_not_delete_a_customer() throws Exception {
        mvc.perform(post("/customers/1/delete").with(user(MANAGER)).with(csrf()))
                .andExpect(status().isForbidden());
        verify(customers, never()).delete(any(), anyLong());
    }

    @Test
    void a_director_deletes_a_customer_and_is_told_so() throws Exception {
        mvc.perform(post("/customers/1/delete").with(user(DIRECTOR)).with(csrf()))
                .andExpect(redirectedUrl("/customers"))
                .andExpect(flash().attribute("flash", "flash.customer.deleted"));
        verify(customers).delete(DIRECTOR.viewer(), 1L);
    }

    @Test
    void logging_out_is_a_post_that_ends_the_session() throws Exception {
        MvcResult result = mvc.perform(post("/logout").with(user(MANAGER)).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"))
                .andReturn();
        Cookie session = result.getResponse().getCookie("JSESSIONID");
        assertThat(session).isNotNull();
        assertThat(session.getMaxAge()).isZero();
    }

    @Test
    void a_get_to_logout_does_not_log_out() throws Exception {
        MvcResult result = mvc.perform(get("/logout").with(user(MANAGER))).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isNull();
        assertThat(result.getResponse().getCookie("JSESSIONID")).isNull();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void the_logout_button_is_a_form_that_posts_with_a_csrf_token() throws Exception {
        given(customers.search(any(), any(), any())).willReturn(Page.empty());
        String html = mvc.perform(get("/customers").with(user(MANAGER)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern(
                "<form action=\"/logout\" method=\"post\" class=\"inline\">\\s*<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
    }
}

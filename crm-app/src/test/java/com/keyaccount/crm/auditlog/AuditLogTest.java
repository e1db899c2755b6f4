package com.keyaccount.crm.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** Directors read who changed what and when, filtered by customer, user and dates. */
@FullStackTest
class AuditLogTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;

    AuditLogTest(MockMvc mvc, Fixtures fixtures) {
        this.mvc = mvc;
        this.fixtures = fixtures;
    }

    @Test
    void a_customers_changes_show_with_who_when_and_old_and_new_values() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("审计"));
        Customer other = fixtures.customer(manager, Fixtures.unique("其他"));
        mvc.perform(post("/customers/{id}/designation", customer.getId()).param("reason", "集团战略客户")
                .with(user(Fixtures.principal(director))).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/customers/{id}/designation", other.getId()).param("reason", "别的理由")
                .with(user(Fixtures.principal(director))).with(csrf())).andExpect(status().is3xxRedirection());

        String page = page("/audit?customer=" + customer.getCode(), director);
        String table = page.substring(page.indexOf("id=\"audit\""));
        assertThat(table).contains(director.getUsername(), "UPDATE", "designatedKey", "集团战略客户", customer.getCode())
                .doesNotContain("别的理由");

        String byUser = page("/audit?actor=" + manager.getUsername(), director);
        assertThat(byUser).contains("Nothing recorded for these filters.");
    }

    @Test
    void a_period_in_the_wrong_order_is_explained_and_kept() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String page = page("/audit?from=2026-09-01&to=2026-03-01", director);
        assertThat(page).contains("The start date must not be after the end date.", "value=\"2026-09-01\"")
                .doesNotContain("id=\"audit\"");
    }

    private String page(String url, AppUser viewer) throws Exception {
        return mvc.perform(get(url).with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

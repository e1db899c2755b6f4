package com.keyaccount.crm.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.TestDatabase;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/** Directors read who changed what and when, filtered by customer, user and dates. */
@FullStackTest
class AuditLogTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    AuditLogTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    /** On PostgreSQL (production) the database itself keeps the log append-only. */
    @Test
    void the_database_refuses_to_change_or_remove_audit_rows() throws Exception {
        Assumptions.assumeTrue(TestDatabase.externalUrl().filter(url -> url.startsWith("jdbc:postgresql")).isPresent(),
                "the append-only trigger is PostgreSQL's; set CRM_TEST_DB_URL to a PostgreSQL database to test it");
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("留痕"));
        mvc.perform(post("/customers/{id}/designation", customer.getId()).param("reason", "留痕测试")
                .with(user(Fixtures.principal(fixtures.user(Role.SALES_DIRECTOR)))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long rows = jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'someone-else' WHERE customer_id = ?",
                customer.getId())).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE customer_id = ?", customer.getId()))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event")).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class)).isEqualTo(rows);
        assertThat(jdbc.queryForList("SELECT DISTINCT actor FROM audit_event WHERE customer_id = ?", String.class,
                customer.getId())).doesNotContain("someone-else").isNotEmpty();
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
        assertThat(table).contains(director.getUsername(), "Changed", "Designated key account", "集团战略客户",
                customer.getName() + " (" + customer.getCode() + ")").doesNotContain("别的理由", "designatedKey");

        String byUser = page("/audit?actor=" + manager.getUsername(), director);
        assertThat(byUser).contains("Nothing recorded for these filters.");
    }

    /**
     * The log reads in the reader's language: actions, record types, field names and coded
     * values as the pages name them, never the stored codes; a logged contact is in the log too.
     */
    @Test
    void the_log_speaks_chinese_and_a_logged_contact_is_in_it() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("中文审计"));
        mvc.perform(post("/customers/{id}/logs", customer.getId()).with(user(Fixtures.principal(manager))).with(csrf())
                        .param("submissionToken", java.util.UUID.randomUUID().toString())
                        .param("channel", "PHONE").param("occurredAt", "2026-11-30T10:00").param("summary", "电话回访"))
                .andExpect(status().is3xxRedirection());
        // an edit as the customer form writes it: coded and camel-cased values
        jdbc.update("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, customer_id, field,
                    old_value, new_value) VALUES (CURRENT_TIMESTAMP, ?, 'UPDATE', 'Customer', ?, ?, 'industry',
                    'FINANCE', 'IT')""", manager.getUsername(), customer.getId(), customer.getId());
        jdbc.update("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, customer_id, field,
                    old_value, new_value) VALUES (CURRENT_TIMESTAMP, ?, 'UPDATE', 'Customer', ?, ?, 'annualSales',
                    NULL, '12500000.00')""", manager.getUsername(), customer.getId(), customer.getId());

        String page = mvc.perform(get("/audit?customer=" + customer.getCode()).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String table = page.substring(page.indexOf("id=\"audit\""));

        assertThat(table).contains("联系记录", "新建", "电话", "修改", "行业", "金融业", "IT 行业", "年销售额");
        assertThat(table).doesNotContain(">CREATE<", ">UPDATE<", "ContactLog", "Customer", "annualSales", "FINANCE",
                ">industry<", ">PHONE<", "#" + customer.getId());
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

package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Manager A using manager B's ids gets exactly what a missing id gets, and changes nothing. */
@FullStackTest
class OwnershipTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ContactService contacts;

    OwnershipTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, ContactService contacts) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @Test
    void another_managers_customer_answers_like_a_missing_one_on_every_route() throws Exception {
        AppUser a = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser b = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer bs = fixtures.customer(b, Fixtures.unique("李总的客户"));
        long contactId = contacts.add(b.asViewer(), bs.getId(), new ContactDetails("钱经理", null,
                DecisionRole.DECISION_MAKER, null, null, null, null, null)).getId();
        long missing = bs.getId() + 1_000_000;
        String before = snapshot(bs.getId());

        for (long id : new long[] {bs.getId(), missing}) {
            for (MockHttpServletRequestBuilder request : routes(id, contactId)) {
                MvcResult result = mvc.perform(request.with(user(Fixtures.principal(a))).with(csrf())).andReturn();
                assertThat(result.getResponse().getStatus())
                        .as(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI())
                        .isEqualTo(404);
                assertThat(result.getResponse().getContentAsString()).doesNotContain("李总的客户", "钱经理");
            }
        }
        assertThat(snapshot(bs.getId())).isEqualTo(before);

        // and B still reaches it
        assertThat(mvc.perform(get("/customers/{id}", bs.getId()).with(user(Fixtures.principal(b))))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void a_managers_list_and_search_show_only_their_own_book() throws Exception {
        AppUser a = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser b = fixtures.user(Role.ACCOUNT_MANAGER);
        String shared = Fixtures.unique("同名搜索");
        fixtures.customer(a, shared + "甲");
        fixtures.customer(b, shared + "乙");
        String page = mvc.perform(get("/customers").param("q", shared).with(user(Fixtures.principal(a))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(shared + "甲").doesNotContain(shared + "乙");

        String picker = mvc.perform(get("/log-contact").param("q", shared).with(user(Fixtures.principal(a))))
                .andReturn().getResponse().getContentAsString();
        assertThat(picker).contains(shared + "甲").doesNotContain(shared + "乙");

        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        String all = mvc.perform(get("/customers").param("q", shared).with(user(Fixtures.principal(director))))
                .andReturn().getResponse().getContentAsString();
        assertThat(all).contains(shared + "甲", shared + "乙");
    }

    private static List<MockHttpServletRequestBuilder> routes(long id, long contactId) {
        return List.of(
                get("/customers/{id}", id),
                get("/customers/{id}/edit", id),
                get("/customers/{id}/logs/new", id),
                get("/customers/{id}/contacts/new", id),
                get("/customers/{id}/contacts/{c}/edit", id, contactId),
                post("/customers/{id}", id).param("code", "HACK").param("name", "改名").param("industry", "IT")
                        .param("region", "EAST").param("status", "ACTIVE").param("version", "0"),
                post("/customers/{id}/verify", id),
                post("/customers/{id}/logs", id).param("submissionToken", UUID.randomUUID().toString())
                        .param("channel", "PHONE").param("occurredAt", "2026-11-20T10:00").param("summary", "越权"),
                post("/customers/{id}/logs/quick", id).param("submissionToken", UUID.randomUUID().toString())
                        .param("channel", "PHONE").param("summary", "越权"),
                get("/customers/{id}/reschedule", id),
                post("/customers/{id}/reschedule", id).param("dueOn", "2026-11-20").param("reason", "OTHER")
                        .param("note", "越权"),
                post("/customers/{id}/contacts", id).param("name", "新人").param("decisionRole", "USER"),
                post("/customers/{id}/contacts/{c}", id, contactId).param("name", "改名").param("decisionRole", "USER"),
                post("/customers/{id}/contacts/{c}/delete", id, contactId));
    }

    private String snapshot(long customerId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT c.code, c.name, c.version, c.verified_at,
                       (SELECT count(*) FROM contact_log l WHERE l.customer_id = c.id) AS logs,
                       (SELECT count(*) FROM contact k WHERE k.customer_id = c.id) AS contacts,
                       (SELECT max(k.name) FROM contact k WHERE k.customer_id = c.id) AS contact_name,
                       (SELECT count(*) FROM audit_event e WHERE e.customer_id = c.id) AS audits,
                       (SELECT count(*) FROM follow_up_reschedule r WHERE r.customer_id = c.id) AS rescheduled
                FROM customer c WHERE c.id = ?""", customerId);
        return rows.toString();
    }
}

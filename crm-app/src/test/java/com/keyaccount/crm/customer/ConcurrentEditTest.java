package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


/** Two people, one record: nothing is silently overwritten and nothing is stored twice. */
@FullStackTest
class ConcurrentEditTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    private final ContactService contacts;

    ConcurrentEditTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, ContactService contacts) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.contacts = contacts;
    }

    @Test
    void the_second_of_two_edits_from_the_same_version_gets_the_conflict_page_and_the_first_stays() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("原名"));
        long loadedVersion = customer.getVersion();

        MockHttpServletResponse first = mvc.perform(edit(customer, loadedVersion, "第一位保存的名称")
                .param("ownerId", manager.getId().toString())
                .with(user(Fixtures.principal(director)))).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(302);

        MockHttpServletResponse second = mvc.perform(edit(customer, loadedVersion, "第二位输入的名称")
                .with(user(Fixtures.principal(manager)))).andReturn().getResponse();
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString()).contains("第二位输入的名称", "第一位保存的名称");

        assertThat(jdbc.queryForObject("SELECT name FROM customer WHERE id = ?", String.class, customer.getId()))
                .isEqualTo("第一位保存的名称");
    }

    @Test
    void concurrent_saves_from_the_same_version_let_exactly_one_through() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("并发"));
        List<Integer> statuses = race(4, n -> edit(customer, customer.getVersion(), "并发名称" + n)
                .with(user(Fixtures.principal(manager))));
        assertThat(statuses).containsOnly(302, 409);
        assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
    }

    @Test
    void the_second_of_two_contact_edits_from_the_same_version_gets_the_conflict_page_and_the_first_stays()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("联系人冲突"));
        Contact contact = contacts.add(manager.asViewer(), customer.getId(), new ContactDetails("王经理", "采购经理",
                DecisionRole.DECISION_MAKER, "021-1234567", null, null, null, "喜欢喝茶"));
        long loadedVersion = contact.getVersion();

        MockHttpServletResponse first = mvc.perform(editContact(customer, contact, loadedVersion, "第一位保存的职务")
                .with(user(Fixtures.principal(director)))).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(302);

        MockHttpServletResponse second = mvc.perform(editContact(customer, contact, loadedVersion, "第二位输入的职务")
                .with(user(Fixtures.principal(manager)))).andReturn().getResponse();
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat(second.getContentAsString()).contains("第二位输入的职务", "第一位保存的职务");

        assertThat(jdbc.queryForObject("SELECT title FROM contact WHERE id = ?", String.class, contact.getId()))
                .isEqualTo("第一位保存的职务");

        // saving again from the conflict page (it carries the current version) is deliberate, and goes through
        long current = jdbc.queryForObject("SELECT version FROM contact WHERE id = ?", Long.class, contact.getId());
        assertThat(second.getContentAsString()).contains("name=\"version\" value=\"" + current + "\"");
        assertThat(mvc.perform(editContact(customer, contact, current, "第二位输入的职务")
                .with(user(Fixtures.principal(manager)))).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT title FROM contact WHERE id = ?", String.class, contact.getId()))
                .isEqualTo("第二位输入的职务");
    }

    @Test
    void concurrent_contact_saves_from_the_same_version_let_exactly_one_through() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("联系人并发"));
        Contact contact = contacts.add(manager.asViewer(), customer.getId(), new ContactDetails("李工", null,
                DecisionRole.USER, null, null, null, null, null));
        List<Integer> statuses = race(4, n -> editContact(customer, contact, contact.getVersion(), "职务" + n)
                .with(user(Fixtures.principal(manager))));
        assertThat(statuses).containsOnly(302, 409);
        assertThat(statuses).filteredOn(s -> s == 302).hasSize(1);
    }

    @Test
    void the_same_contact_form_posted_concurrently_creates_one_log() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("双击"));
        String token = UUID.randomUUID().toString();
        List<Integer> statuses = race(4, n -> post("/customers/{id}/logs", customer.getId()).with(csrf())
                .with(user(Fixtures.principal(manager)))
                .param("submissionToken", token).param("channel", "VISIT")
                .param("occurredAt", "2026-11-20T10:00").param("summary", "双击提交"));
        assertThat(statuses).containsOnly(302);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contact_log WHERE customer_id = ?", Integer.class,
                customer.getId())).isEqualTo(1);
    }

    private static MockHttpServletRequestBuilder edit(Customer customer, long version, String name) {
        return post("/customers/{id}", customer.getId()).with(csrf())
                .param("code", customer.getCode()).param("name", name).param("industry", "MANUFACTURING")
                .param("region", "EAST").param("status", "ACTIVE").param("version", Long.toString(version));
    }

    private static MockHttpServletRequestBuilder editContact(Customer customer, Contact contact, long version,
            String title) {
        return post("/customers/{id}/contacts/{c}", customer.getId(), contact.getId()).with(csrf())
                .param("name", contact.getName()).param("title", title).param("decisionRole", "DECISION_MAKER")
                .param("version", Long.toString(version));
    }

    interface RequestFactory {
        MockHttpServletRequestBuilder make(int n);
    }

    /** Fires the requests from separate threads released at the same moment. */
    private List<Integer> race(int threads, RequestFactory requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                MockHttpServletRequestBuilder request = requests.make(n);
                Callable<Integer> call = () -> {
                    start.await();
                    return mvc.perform(request).andReturn().getResponse().getStatus();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}

package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.support.SessionCookie;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The account manager's main journey, end to end on the real database. */
@FullStackTest
class CustomerJourneyTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    CustomerJourneyTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @Test
    void a_manager_logs_in_finds_a_customer_logs_a_visit_and_sees_it_on_the_timeline() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        String name = Fixtures.unique("杭州鼎盛建材");
        Customer customer = fixtures.customer(manager, name);

        MvcResult login = mvc.perform(formLogin("/login").user(manager.getUsername()).password(Fixtures.PASSWORD))
                .andExpect(authenticated())
                .andReturn();
        Cookie session = SessionCookie.of(login.getResponse());

        mvc.perform(get("/customers").cookie(session).param("q", name.substring(2, 8)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(name)));

        logContact(session, customer.getId(), "2026-11-20T09:15", "第一次上门拜访，了解采购计划");
        logContact(session, customer.getId(), "2026-11-21T16:40", "电话确认报价");

        String page = mvc.perform(get("/customers/{id}", customer.getId()).cookie(session))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("第一次上门拜访，了解采购计划", "电话确认报价");
        assertThat(page.indexOf("电话确认报价"))
                .as("newest contact first")
                .isLessThan(page.indexOf("第一次上门拜访，了解采购计划"));
    }

    @Test
    void a_wrong_password_does_not_log_in() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        mvc.perform(formLogin("/login").user(manager.getUsername()).password("wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void a_resubmitted_contact_form_records_one_log() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("重复提交客户"));
        String token = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/customers/{id}/logs", customer.getId())
                            .with(user(Fixtures.principal(manager))).with(csrf())
                            .param("submissionToken", token).param("channel", "PHONE")
                            .param("occurredAt", "2026-11-20T10:00").param("summary", "电话回访"))
                    .andExpect(redirectedUrl("/customers/" + customer.getId() + "#timeline"));
        }
        assertThat(logCount(customer.getId())).isEqualTo(1);
    }

    @Test
    void an_invalid_contact_log_keeps_the_typed_text_and_writes_nothing() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("校验客户"));
        mvc.perform(post("/customers/{id}/logs", customer.getId())
                        .with(user(Fixtures.principal(manager))).with(csrf())
                        .param("submissionToken", UUID.randomUUID().toString()).param("channel", "VISIT")
                        .param("occurredAt", "not a time").param("summary", "带来了样品"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("带来了样品")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("field-error")));
        assertThat(logCount(customer.getId())).isZero();
    }

    @Test
    void a_director_soft_deletes_a_customer_which_then_disappears_but_stays_in_the_database() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(manager, Fixtures.unique("待删除客户"));

        mvc.perform(post("/customers/{id}/delete", customer.getId())
                        .with(user(Fixtures.principal(manager))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/customers/{id}/delete", customer.getId())
                        .with(user(Fixtures.principal(director))).with(csrf()))
                .andExpect(redirectedUrl("/customers"));

        mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(director))))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT deleted FROM customer WHERE id = ?", Boolean.class, customer.getId()))
                .isTrue();
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM audit_event WHERE entity_type = 'Customer' AND entity_id = ? AND action = 'DELETE'",
                Integer.class, customer.getId())).isEqualTo(1);
    }

    @Test
    void a_manager_creates_a_customer_they_then_own_even_when_posting_another_owner() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        String code = Fixtures.unique("NEW");
        mvc.perform(post("/customers").with(user(Fixtures.principal(manager))).with(csrf())
                        .param("code", code).param("name", "新客户有限公司").param("industry", "IT")
                        .param("region", "EAST").param("status", "PROSPECT").param("ownerId", other.getId().toString())
                        .param("tier", "A").param("deleted", "true"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.queryForMap("SELECT id, owner_id, deleted FROM customer WHERE code = ?", code);
        assertThat(((Number) row.get("owner_id")).longValue()).isEqualTo(manager.getId());
        assertThat(row.get("deleted")).isEqualTo(false);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_tier WHERE customer_id = ?", Integer.class,
                row.get("id"))).as("no tier until the tier engine computes one").isZero();
    }

    /** 年销售额 takes money as the imports do: 12,500,000 and ¥ and 万; nonsense is kept with a message. */
    @Test
    void annual_sales_are_typed_as_on_paper_and_nonsense_is_kept_beside_a_message() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        String first = null;
        for (String[] typed : new String[][] {{"12,500,000", "12500000"}, {"¥1,234.50", "1234.50"},
            {"1250万", "12500000"}}) {
            String code = Fixtures.unique("M");
            first = first == null ? code : first;
            mvc.perform(post("/customers").with(user(Fixtures.principal(manager))).with(csrf())
                            .param("code", code).param("name", "金额客户" + code).param("industry", "IT")
                            .param("region", "EAST").param("status", "ACTIVE").param("annualSales", typed[0]))
                    .andExpect(status().is3xxRedirection());
            assertThat(jdbc.queryForObject("SELECT annual_sales FROM customer WHERE code = ?", BigDecimal.class, code))
                    .as(typed[0]).isEqualByComparingTo(typed[1]);
        }
        long id = jdbc.queryForObject("SELECT id FROM customer WHERE code = ?", Long.class, first);
        String edit = mvc.perform(get("/customers/{id}/edit", id).with(user(Fixtures.principal(manager))))
                .andReturn().getResponse().getContentAsString();
        assertThat(edit).as("shown as typed, grouped").contains("value=\"12,500,000\"");

        String code = Fixtures.unique("M");
        String refused = mvc.perform(post("/customers").with(user(Fixtures.principal(manager))).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("code", code).param("name", "金额客户X").param("industry", "IT")
                        .param("region", "EAST").param("status", "ACTIVE").param("annualSales", "一千二百万"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("value=\"一千二百万\"", "12,500,000");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer WHERE code = ?", Integer.class, code)).isZero();
    }

    /** A second 南京嘉禾农业科技有限公司 is not saved silently: the form shows the first and asks. */
    @Test
    void a_second_customer_with_the_same_name_is_shown_the_first_and_saved_only_when_confirmed() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
        String name = Fixtures.unique("南京嘉禾农业科技有限公司");
        Customer first = fixtures.customer(manager, name);

        String code = Fixtures.unique("DUP");
        String again = createAs(manager, code, " " + name.replace("有限", "有限 ") + " ", false);
        assertThat(again).contains("already in the book", first.getCode(), "/customers/" + first.getId());
        assertThat(count(code)).as("nothing saved before the user decides").isZero();

        String theirs = createAs(colleague, code, name, false);
        assertThat(theirs).as("another manager learns the name and its manager, not the record")
                .contains("already in the book", manager.getDisplayName())
                .doesNotContain(first.getCode(), "/customers/" + first.getId());

        mvc.perform(post("/customers").with(user(Fixtures.principal(manager))).with(csrf())
                        .header("Accept-Language", "en").param("code", code).param("name", name)
                        .param("industry", "IT").param("region", "EAST").param("status", "ACTIVE")
                        .param("sameNameConfirmed", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(count(code)).as("saved once the user says it is a different company").isOne();
    }

    private String createAs(AppUser who, String code, String name, boolean confirmed) throws Exception {
        return mvc.perform(post("/customers").with(user(Fixtures.principal(who))).with(csrf())
                        .header("Accept-Language", "en").param("code", code).param("name", name)
                        .param("industry", "IT").param("region", "EAST").param("status", "ACTIVE")
                        .param("sameNameConfirmed", String.valueOf(confirmed)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private int count(String code) {
        return jdbc.queryForObject("SELECT count(*) FROM customer WHERE code = ?", Integer.class, code);
    }

    private void logContact(Cookie session, long customerId, String when, String summary) throws Exception {
        mvc.perform(post("/customers/{id}/logs", customerId).cookie(session).with(csrf())
                        .param("submissionToken", UUID.randomUUID().toString())
                        .param("channel", "VISIT").param("occurredAt", when).param("summary", summary))
                .andExpect(redirectedUrl("/customers/" + customerId + "#timeline"));
    }

    private int logCount(long customerId) {
        return jdbc.queryForObject("SELECT count(*) FROM contact_log WHERE customer_id = ?", Integer.class, customerId);
    }
}

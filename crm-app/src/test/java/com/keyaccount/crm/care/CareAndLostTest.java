package com.keyaccount.crm.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.care.application.CareTaskMaker;
import com.keyaccount.crm.customer.ContactDetails;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Care tasks and lost customers through the pages, on Friday 2026-09-18 (see {@link CareClock}),
 * with the care rules as shipped: tasks 7 days ahead, A and B customers, 春节 and 中秋节,
 * gifts above ¥2,000 approved by a director.
 */
@FullStackTest
@Import(CareClock.class)
class CareAndLostTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ContactService contacts;
    private final CareTaskMaker maker;

    CareAndLostTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, ContactService contacts, CareTaskMaker maker) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.maker = maker;
    }

    @Test
    void birthdays_and_holidays_become_tasks_once_however_often_the_job_runs() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = classified(manager, "关怀客户", "A");
        Customer plain = classified(manager, "普通客户", "C");
        long wang = contact(manager, customer, "王总", LocalDate.of(1975, 9, 20));
        contact(manager, plain, "李总", LocalDate.of(1980, 9, 21));
        // a birthday ten days away is not yet due with a 7-day lead
        contact(manager, customer, "赵总", LocalDate.of(1979, 9, 28));

        maker.makeDue();
        maker.makeDue();

        assertThat(jdbc.queryForList("SELECT occasion || ' ' || COALESCE(CAST(contact_id AS VARCHAR(20)), '-') || ' '"
                + " || CAST(occasion_on AS VARCHAR(10)) FROM care_task WHERE customer_id = ? ORDER BY occasion",
                String.class, customer.getId()))
                .containsExactly("BIRTHDAY " + wang + " 2026-09-20", "HOLIDAY - 2026-09-25");
        assertThat(count("SELECT COUNT(*) FROM care_task WHERE customer_id = ?", plain.getId()))
                .as("a C customer gets no birthday or holiday task").isZero();
        String day = page(get("/my-day"), manager);
        assertThat(day).contains("Birthday of 王总", "关怀客户");
    }

    @Test
    void a_first_order_earns_a_thank_you_call_the_day_after() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = classified(manager, "新客户", "C");
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, ?, DATE '2026-09-16', 500.00, ?), (?, ?, DATE '2026-09-17', 300.00, ?)""",
                customer.getId(), Fixtures.unique("SO"), Timestamp.from(CareClock.NOW),
                customer.getId(), Fixtures.unique("SO"), Timestamp.from(CareClock.NOW));

        try {
            maker.makeDue();
            maker.makeDue();

            assertThat(jdbc.queryForList("SELECT CAST(occasion_on AS VARCHAR(10)) FROM care_task WHERE customer_id = ?"
                    + " AND occasion = 'THANK_YOU'", String.class, customer.getId()))
                    .as("the first order only: the second is neither first nor large").containsExactly("2026-09-17");
        } finally {
            // the tier tests rank the whole database's revenue: none is left behind
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer.getId());
        }
    }

    @Test
    void a_gift_is_marked_given_with_its_cost_and_shows_against_the_budget() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = classified(manager, "送礼客户", "B");
        contact(manager, customer, "钱总", LocalDate.of(1970, 9, 19));
        maker.makeDue();
        long task = taskOf(customer, "BIRTHDAY");

        String bad = page(done(task, manager, "月饼礼盒", "abc"), manager);
        assertThat(bad).contains("Enter an amount").contains("value=\"月饼礼盒\"");
        assertThat(state(task)).isEqualTo("OPEN");

        mvc.perform(done(task, manager, "月饼礼盒", "¥1,200.50").with(user(Fixtures.principal(manager))))
                .andExpect(status().is3xxRedirection());

        assertThat(state(task)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT cost FROM care_task WHERE id = ?", BigDecimal.class, task))
                .isEqualByComparingTo("1200.50");
        // B budget ¥8,000 as shipped
        assertThat(page(get("/customers/{id}", customer.getId()), manager))
                .contains("1,200.50 spent of a", "8,000.00 budget");
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'CareTask' AND entity_id = ?", task))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_gift_above_the_threshold_waits_for_another_director() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser otherDirector = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = classified(manager, "大礼客户", "A");
        contact(manager, customer, "孙总", LocalDate.of(1970, 9, 22));
        maker.makeDue();
        long task = taskOf(customer, "BIRTHDAY");

        mvc.perform(done(task, director, "茶叶", "5,000").with(user(Fixtures.principal(director))))
                .andExpect(status().is3xxRedirection());
        assertThat(state(task)).isEqualTo("PENDING_APPROVAL");

        String own = page(post("/care/tasks/{id}/approve", task).with(csrf()).param("version", version(task)),
                director);
        assertThat(own).contains("another director approves it");
        assertThat(state(task)).as("nobody approves their own gift").isEqualTo("PENDING_APPROVAL");

        mvc.perform(post("/care/tasks/{id}/approve", task).with(csrf()).param("version", version(task))
                        .with(user(Fixtures.principal(manager))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/care/tasks/{id}/approve", task).with(csrf()).param("version", version(task))
                        .with(user(Fixtures.principal(otherDirector))))
                .andExpect(status().is3xxRedirection());
        assertThat(state(task)).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("SELECT decided_by FROM care_task WHERE id = ?", String.class, task))
                .isEqualTo(otherDirector.getUsername());
    }

    @Test
    void marking_a_customer_lost_needs_a_reason_and_schedules_the_interview() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = classified(manager, "流失客户", "B");

        String none = page(post("/customers/{id}/lost", customer.getId()).with(csrf()).param("reason", "")
                .param("note", "客户说不合作了"), manager);
        assertThat(none).contains("客户说不合作了").contains("field-error");
        String noName = page(post("/customers/{id}/lost", customer.getId()).with(csrf()).param("reason", "COMPETITOR"),
                manager);
        assertThat(noName).contains("Required.");
        assertThat(jdbc.queryForObject("SELECT status FROM customer WHERE id = ?", String.class, customer.getId()))
                .isEqualTo("ACTIVE");

        mvc.perform(post("/customers/{id}/lost", customer.getId()).with(csrf()).param("reason", "COMPETITOR")
                        .param("competitor", "远航集团").with(user(Fixtures.principal(manager))))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.queryForObject("SELECT status FROM customer WHERE id = ?", String.class, customer.getId()))
                .isEqualTo("LOST");
        assertThat(jdbc.queryForObject("SELECT reason || ' ' || competitor || ' ' || CAST(interview_due_on AS VARCHAR(10))"
                + " FROM customer_loss WHERE open_customer_id = ?", String.class, customer.getId()))
                .isEqualTo("COMPETITOR 远航集团 2026-09-25");
        assertThat(page(get("/my-day"), manager)).contains("Lost-customer interview", "流失客户");

        mvc.perform(post("/customers/{id}/lost/interview", customer.getId()).with(csrf()).param("on", "2026-09-18")
                        .param("competitor", "远航集团").param("why", "对方报价低一成").param("comeBack", "MAYBE")
                        .param("version", "0").with(user(Fixtures.principal(manager))))
                .andExpect(status().is3xxRedirection());
        assertThat(page(get("/customers/{id}", customer.getId()), manager)).contains("对方报价低一成", "Perhaps");
        assertThat(page(get("/lost-customers"), manager)).contains("流失客户", "Went to a competitor");
    }

    @Test
    void another_managers_care_task_and_customer_answer_404() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser intruder = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = classified(owner, "别人的关怀客户", "A");
        contact(owner, customer, "周总", LocalDate.of(1970, 9, 23));
        maker.makeDue();
        long task = taskOf(customer, "BIRTHDAY");

        mvc.perform(get("/care/tasks/{id}", task).with(user(Fixtures.principal(intruder))))
                .andExpect(status().isNotFound());
        mvc.perform(done(task, intruder, "礼品", "100").with(user(Fixtures.principal(intruder))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/customers/{id}/lost", customer.getId()).with(csrf()).param("reason", "PRICE")
                        .with(user(Fixtures.principal(intruder))))
                .andExpect(status().isNotFound());
        assertThat(state(task)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT status FROM customer WHERE id = ?", String.class, customer.getId()))
                .isEqualTo("ACTIVE");
        assertThat(page(get("/care"), intruder)).doesNotContain("别人的关怀客户");
    }

    private Customer classified(AppUser owner, String name, String tier) {
        Customer customer = fixtures.customer(owner, Fixtures.unique(name));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, ?, ?, 1, ?, 0, 0)""", customer.getId(), tier, tier,
                Timestamp.from(CareClock.NOW));
        return customer;
    }

    private long contact(AppUser owner, Customer customer, String name, LocalDate birthday) {
        return contacts.add(Fixtures.principal(owner).viewer(), customer.getId(), new ContactDetails(name, null,
                DecisionRole.DECISION_MAKER, null, null, birthday, null, null)).getId();
    }

    private long taskOf(Customer customer, String occasion) {
        return jdbc.queryForObject("SELECT id FROM care_task WHERE customer_id = ? AND occasion = ?", Long.class,
                customer.getId(), occasion);
    }

    private String state(long task) {
        return jdbc.queryForObject("SELECT state FROM care_task WHERE id = ?", String.class, task);
    }

    private String version(long task) {
        return String.valueOf(jdbc.queryForObject("SELECT version FROM care_task WHERE id = ?", Long.class, task));
    }

    private MockHttpServletRequestBuilder done(long task, AppUser by, String gift, String cost) {
        return post("/care/tasks/{id}/done", task).with(csrf()).param("gift", gift).param("cost", cost)
                .param("doneOn", "2026-09-18").param("version", version(task));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private String page(MockHttpServletRequestBuilder request, AppUser viewer) throws Exception {
        return mvc.perform(request.with(user(Fixtures.principal(viewer))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}

package com.keyaccount.crm.plan;

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
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Quarterly account plans as their users meet them (issue 19, seed 000's 季度客户项目计划书): the
 * owner of a top-tier account writes one, bad input is kept and refused beside its fields, the
 * director returns it with comments and approves it once changed, nobody decides on their own plan,
 * another manager's plan is a 404, and the plan's page sets its actions against the quarter's
 * contacts and orders.
 */
@FullStackTest
class AccountPlansTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    /** The customers whose orders and contacts this test wrote: other tests count the whole window. */
    private final java.util.List<Long> written = new java.util.ArrayList<>();

    AccountPlansTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @org.junit.jupiter.api.AfterEach
    void removeOrdersAndContacts() {
        for (long customer : written) {
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer);
            jdbc.update("DELETE FROM contact_log WHERE customer_id = ?", customer);
        }
    }

    @Test
    void the_owner_writes_and_submits_the_director_returns_it_then_approves_it_changed() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = topTier(manager, "计划客户");
        Quarter quarter = thisQuarter();
        String address = "/customers/" + customer.getId() + "/plans/" + quarter;

        assertThat(html(get("/customers/{id}", customer.getId()), manager, "zh-CN"))
                .as("the customer page points to this quarter's plan").contains("尚未撰写", address);
        assertThat(html(get(address), manager, "en")).contains("No account plan for", "Write the plan");
        assertThat(html(get("/my-day"), manager, "en")).as("My day reminds the owner")
                .contains("One top-tier account has no plan for", "shown=NONE");

        save(manager, address, null, true, "签下年度框架协议", "1250万", "需要技术部支持",
                "拜访采购总监", quarter.last().toString(), manager.getId(), "VISIT")
                .andExpect(status().is3xxRedirection());
        assertThat(state(customer, quarter)).isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject("SELECT expected_revenue FROM account_plan WHERE customer_id = ?",
                BigDecimal.class, customer.getId())).isEqualByComparingTo("12500000");
        assertThat(html(get("/plans").param("shown", "SUBMITTED"), director, "en"))
                .as("the director's list shows the plan waiting").contains(customer.getName(), "Waiting for approval");
        assertThat(html(get("/my-day"), director, "en")).as("the director's day points to the plans waiting")
                .containsPattern("plans? for .* waits? for your decision").contains("shown=SUBMITTED");

        String refused = perform(post(address + "/return").with(csrf()).param("version", version(customer, quarter))
                .param("comment", "  "), director, "en").andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).as("returning needs a comment").contains("Required.");
        perform(post(address + "/return").with(csrf()).param("version", version(customer, quarter))
                .param("comment", "请补充技术交流的安排"), director, "en").andExpect(status().is3xxRedirection());
        assertThat(state(customer, quarter)).isEqualTo("RETURNED");
        assertThat(html(get(address), manager, "zh-CN")).contains("退回", "请补充技术交流的安排");
        assertThat(html(get("/my-day"), manager, "en")).contains("One plan was returned for changes.")
                .doesNotContain("no plan for");
        String csv = new String(perform(get("/plans/export.csv"), manager, "en").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).as("the list exported").contains("Quarter,Customer code,Company name,Account manager,Plan")
                .contains(customer.getCode() + "," + customer.getName() + "," + manager.getDisplayName()
                        + ",Returned for changes,").contains(",12500000.00");

        save(manager, address, version(customer, quarter), true, "签下年度框架协议", "1250万", "需要技术部支持",
                "技术交流会", quarter.last().toString(), manager.getId(), "MEETING")
                .andExpect(status().is3xxRedirection());
        perform(post(address + "/approve").with(csrf()).param("version", version(customer, quarter))
                .param("comment", ""), director, "en").andExpect(status().is3xxRedirection());
        assertThat(state(customer, quarter)).isEqualTo("APPROVED");
        assertThat(html(get("/my-day"), manager, "en")).as("nothing waits for the owner").doesNotContain("plan-reminder");
        assertThat(html(get(address), manager, "en")).contains("Approved by " + director.getDisplayName(), "技术交流会");
        assertThat(jdbc.queryForList("SELECT new_value FROM audit_event WHERE entity_type = 'AccountPlan' AND "
                + "field = 'planStatus' AND customer_id = ? ORDER BY id", String.class, customer.getId()))
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED");

        save(manager, address, version(customer, quarter), false, "签下年度框架协议，再加一个项目", "", "",
                "技术交流会", quarter.last().toString(), manager.getId(), "MEETING")
                .andExpect(status().is3xxRedirection());
        assertThat(state(customer, quarter)).as("a change to an approved plan needs approval again")
                .isEqualTo("DRAFT");
    }

    @Test
    void bad_input_is_refused_beside_each_field_with_what_was_typed_kept_and_nothing_saved() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = topTier(manager, "计划客户");
        Quarter quarter = thisQuarter();
        String address = "/customers/" + customer.getId() + "/plans/" + quarter;

        String page = save(manager, address, null, false, "", "很多钱", "",
                "拜访\u0000采购", quarter.next().first().toString(), manager.getId(), "VISIT")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Required.", "Enter an amount", "很多钱", "control character");
        page = save(manager, address, null, false, "目标", "100", "", "拜访采购",
                quarter.next().first().toString(), 987_654_321L, "VISIT")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Choose a date within the quarter.", "Choose a colleague who can still sign in.",
                "拜访采购");
        page = save(manager, address, null, true, "只有目标", "", "", "", "", manager.getId(), "")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).as("save and submit is all or nothing")
                .contains("A plan needs at least one action before it is submitted.", "只有目标");
        save(manager, address, null, false, "目标", "-5", "", "", "", manager.getId(), "")
                .andExpect(status().isOk()).andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("Cannot be negative."));
        save(manager, address, null, false, "目标", "99999999999999999", "", "", "", manager.getId(), "")
                .andExpect(status().isOk()).andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("At most 12 digits"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account_plan WHERE customer_id = ?", Long.class,
                customer.getId())).isZero();

        perform(get("/customers/{id}/plans/2026-Q9", customer.getId()), manager, "en").andExpect(status().isNotFound());
        perform(get("/customers/{id}/plans/nope", customer.getId()), manager, "en").andExpect(status().isNotFound());
        perform(get("/customers/{id}/plans/0000-Q1", customer.getId()), manager, "en").andExpect(status().isNotFound());
        assertThat(html(get("/plans").param("quarter", "0000-Q1").param("shown", "X").param("page", "-5"), manager,
                "en")).as("junk in the list's address shows this quarter").contains("Account plans");
        Quarter over = quarter.previous();
        save(manager, "/customers/" + customer.getId() + "/plans/" + over, null, false, "目标", "", "", "", "",
                manager.getId(), "").andExpect(status().isOk()).andExpect(r -> assertThat(
                r.getResponse().getContentAsString()).contains("This quarter is over"));
    }

    @Test
    void only_top_tier_accounts_get_plans_and_nobody_decides_on_their_own() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lower = fixtures.customer(manager, Fixtures.unique("普通客户"));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, 'C', 'C', 1, ?, 0, 0)""", lower.getId(), Timestamp.from(Instant.now()));
        // the list's copy of the tier, as a classification writes it
        jdbc.update("UPDATE customer_list_tier SET sort_tier = 'C' WHERE customer_id = ?", lower.getId());
        Quarter quarter = thisQuarter();
        String lowerAddress = "/customers/" + lower.getId() + "/plans/" + quarter;
        assertThat(html(get(lowerAddress), manager, "en")).contains("Quarterly plans are written for accounts in the top tier")
                .doesNotContain("Write the plan");
        save(manager, lowerAddress, null, false, "目标", "", "", "", "", manager.getId(), "")
                .andExpect(status().isOk()).andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("Plans are written for top-tier accounts only."));

        AppUser admin = fixtures.user(Role.ADMIN);
        Customer customer = topTier(manager, "计划客户");
        String address = "/customers/" + customer.getId() + "/plans/" + quarter;
        save(manager, address, null, true, "目标", "", "", "电话回访", quarter.last().toString(), manager.getId(), "PHONE")
                .andExpect(status().is3xxRedirection());
        perform(post(address + "/approve").with(csrf()).param("version", version(customer, quarter)), manager, "en")
                .andExpect(status().isForbidden());
        // an admin who wrote the plan (as owner of the row) still cannot approve it
        jdbc.update("UPDATE account_plan SET author_id = ? WHERE customer_id = ?", admin.getId(), customer.getId());
        perform(post(address + "/approve").with(csrf()).param("version", version(customer, quarter)), admin, "en")
                .andExpect(status().isBadRequest()).andExpect(r -> assertThat(r.getResponse().getContentAsString())
                        .contains("another director must decide"));
        assertThat(state(customer, quarter)).isEqualTo("SUBMITTED");
    }

    @Test
    void another_managers_plan_is_a_404_and_a_stale_step_is_a_conflict() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = topTier(manager, "计划客户");
        Quarter quarter = thisQuarter();
        String address = "/customers/" + customer.getId() + "/plans/" + quarter;
        save(manager, address, null, true, "目标", "", "", "电话回访", quarter.last().toString(), manager.getId(), "PHONE")
                .andExpect(status().is3xxRedirection());

        perform(get(address), other, "en").andExpect(status().isNotFound());
        perform(get(address + "/edit"), other, "en").andExpect(status().isNotFound());
        perform(post(address + "/withdraw").with(csrf()).param("version", version(customer, quarter)), other, "en")
                .andExpect(status().isNotFound());
        assertThat(html(get("/plans"), other, "en")).doesNotContain(customer.getName());
        assertThat(html(get("/plans").param("owner", String.valueOf(manager.getId())), other, "en"))
                .as("a manager's list is their own book whatever the address says").doesNotContain(customer.getName());
        assertThat(html(get("/plans").param("owner", String.valueOf(manager.getId())), director, "en"))
                .contains(customer.getName());
        assertThat(html(get("/plans").param("owner", String.valueOf(other.getId())), director, "en"))
                .as("the director's list narrowed to another manager").doesNotContain(customer.getName());
        // only the owner writes the plan
        perform(get(address + "/edit"), director, "en")
                .andExpect(status().isNotFound());

        String seen = version(customer, quarter);
        perform(post(address + "/withdraw").with(csrf()).param("version", seen), manager, "en")
                .andExpect(status().is3xxRedirection());
        String conflict = perform(post(address + "/approve").with(csrf()).param("version", seen)
                .param("comment", "同意"), director, "en").andExpect(status().isConflict()).andReturn().getResponse()
                .getContentAsString();
        assertThat(conflict).contains("nothing was done", "同意");
        assertThat(state(customer, quarter)).isEqualTo("DRAFT");
    }

    @Test
    void the_plan_page_sets_its_actions_against_the_quarters_contacts_and_orders() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser colleague = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = topTier(manager, "计划客户");
        Quarter quarter = thisQuarter();
        LocalDate first = quarter.first();
        String address = "/customers/" + customer.getId() + "/plans/" + quarter;
        save(manager, address, null, false, "目标", "1000", "", "第一次拜访", first.toString(), manager.getId(), "VISIT")
                .andExpect(status().is3xxRedirection());
        long plan = jdbc.queryForObject("SELECT id FROM account_plan WHERE customer_id = ?", Long.class, customer.getId());
        jdbc.update("INSERT INTO account_plan_action (plan_id, position, description, due_on, owner_id, channel) "
                + "VALUES (?, 1, '第二次拜访', ?, ?, 'VISIT')", plan, Date.valueOf(quarter.last()), manager.getId());
        jdbc.update("INSERT INTO account_plan_action (plan_id, position, description, due_on, owner_id, channel) "
                + "VALUES (?, 2, '同事电话', ?, ?, 'PHONE')", plan, Date.valueOf(first), colleague.getId());
        // one visit by the owner on the second day: the first visit done late, the second not yet;
        // a call by someone else than the action's owner does not count
        log(customer, manager, "VISIT", first.plusDays(1));
        log(customer, manager, "PHONE", first);
        order(customer, "P-1", first, "600.00");
        order(customer, "P-1C", first, "-100.00");
        order(customer, "P-0", first.minusYears(1), "250.00");

        String page = html(get(address), manager, "en");
        assertThat(page).contains("done late, on " + first.plusDays(1), "Contacts at the account", "2 (1 on-site visits)",
                "CN¥500.00", "50% of the expected revenue", "CN¥250.00 (growth 100%)");
        assertThat(page.indexOf("第二次拜访")).isPositive();
        String second = page.substring(page.indexOf("第二次拜访"));
        assertThat(second.substring(0, second.indexOf("</li>"))).contains(
                LocalDate.now(ZONE).isAfter(quarter.last()) ? "not done by its date" : "not done yet");
        String call = page.substring(page.indexOf("同事电话"));
        assertThat(call.substring(0, call.indexOf("</li>"))).contains(
                LocalDate.now(ZONE).isAfter(first) ? "not done by its date" : "not done yet");
    }

    private Customer topTier(AppUser owner, String name) {
        Customer customer = fixtures.customer(owner, Fixtures.unique(name));
        jdbc.update("""
                INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                    revenue, order_count) VALUES (?, 'A', 'A', 1, ?, 0, 0)""", customer.getId(),
                Timestamp.from(Instant.now()));
        // the list's copy of the tier, as a classification writes it
        jdbc.update("UPDATE customer_list_tier SET sort_tier = 'A' WHERE customer_id = ?", customer.getId());
        return customer;
    }

    private static Quarter thisQuarter() {
        return Quarter.of(LocalDate.now(ZONE));
    }

    private void log(Customer customer, AppUser author, String channel, LocalDate on) {
        written.add(customer.getId());
        Timestamp at = Timestamp.from(on.atTime(10, 0).atZone(ZONE).toInstant());
        jdbc.update("""
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, submission_token,
                    created_at) VALUES (?, ?, ?, ?, '拜访', ?, ?)""", customer.getId(), author.getId(), channel, at,
                UUID.randomUUID().toString(), at);
    }

    private void order(Customer customer, String no, LocalDate on, String amount) {
        written.add(customer.getId());
        jdbc.update("INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at) VALUES (?, ?, ?, ?, ?)",
                customer.getId(), no, Date.valueOf(on), new BigDecimal(amount), Timestamp.from(Instant.now()));
    }

    private ResultActions save(AppUser who, String address, String version, boolean submit, String goals,
            String revenue, String resources, String action, String dueOn, long ownerId, String channel)
            throws Exception {
        MockHttpServletRequestBuilder request = post(address).with(csrf()).param("goals", goals)
                .param("expectedRevenue", revenue).param("resources", resources)
                .param("actions[0].description", action).param("actions[0].dueOn", dueOn)
                .param("actions[0].ownerId", String.valueOf(ownerId)).param("actions[0].channel", channel)
                .param("actions[1].description", "").param("actions[1].dueOn", "")
                .param("actions[1].ownerId", String.valueOf(ownerId)).param("actions[1].channel", "")
                .param("version", version == null ? "" : version);
        if (submit) {
            request.param("submit", "true");
        }
        return perform(request, who, "en");
    }

    private String state(Customer customer, Quarter quarter) {
        return jdbc.queryForObject("SELECT status FROM account_plan WHERE customer_id = ? AND quarter_start = ?",
                String.class, customer.getId(), Date.valueOf(quarter.first()));
    }

    private String version(Customer customer, Quarter quarter) {
        return String.valueOf(jdbc.queryForObject(
                "SELECT version FROM account_plan WHERE customer_id = ? AND quarter_start = ?", Long.class,
                customer.getId(), Date.valueOf(quarter.first())));
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, AppUser who, String language)
            throws Exception {
        return mvc.perform(request.with(user(Fixtures.principal(who))).header(HttpHeaders.ACCEPT_LANGUAGE, language));
    }

    private String html(MockHttpServletRequestBuilder request, AppUser who, String language) throws Exception {
        return perform(request, who, language).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}

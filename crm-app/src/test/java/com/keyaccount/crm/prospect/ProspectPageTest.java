package com.keyaccount.crm.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.ContactDetails;
import com.keyaccount.crm.customer.ContactService;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerProfile;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.DecisionRole;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The prospect page as an account manager works it (issue 17): the card on the customer page, the
 * checklists, ticks, moves and grades with their bad inputs, stale edits, and other managers.
 */
@FullStackTest
class ProspectPageTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final CustomerService customers;
    private final ContactService contacts;
    private final LocalDate today;

    ProspectPageTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, CustomerService customers,
            ContactService contacts, ZoneId businessZone) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.customers = customers;
        this.contacts = contacts;
        this.today = LocalDate.now(businessZone);
    }

    @Test
    void a_manager_opens_a_lead_from_its_customer_page_and_climbs_to_not_refused_by_ticking() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000", "025-7654321");
        Contact boss = contact(manager, lead, "王总", DecisionRole.DECISION_MAKER);
        contact(manager, lead, "李工", DecisionRole.USER);

        String customerPage = html(get("/customers/{id}", lead.getId()), manager, "en");
        assertThat(customerPage).contains("Prospect ladder", "A21 Lead", "Work the ladder",
                "/customers/" + lead.getId() + "/prospect");

        String page = html(get("/customers/{id}/prospect", lead.getId()), manager, "zh-CN");
        assertThat(page).contains("A21 资料级", "下一阶段", "A08 范围级", "年销售额 ¥9,000,000 ≥ ¥5,000,000",
                "名称、行业、规模、电话、传真均已登记", "立项四要素", "尚无阶段变动");
        assertThat(page).as("the decision makers first, each with its role")
                .containsSubsequence("王总（拍板人）", "李工（使用者）");

        move(manager, lead, "A08", null, "zh-CN").andExpect(redirectedUrl(prospectUrl(lead) + "#standing"));
        tick(manager, lead, "neutral_by_decision_maker", today.toString(), "见面谈过", boss.getId())
                .andExpect(redirectedUrl(prospectUrl(lead) + "#c-neutral_by_decision_maker"));
        for (String key : List.of("neutral_knows_us", "neutral_considered", "neutral_answer")) {
            tick(manager, lead, key, today.minusDays(1).toString(), "", null).andExpect(status().is3xxRedirection());
        }
        move(manager, lead, "A07", version(lead), "en").andExpect(redirectedUrl(prospectUrl(lead) + "#standing"));

        String after = html(get("/customers/{id}/prospect", lead.getId()), manager, "en");
        assertThat(after).contains("A07 Not refused", "Next stage", "A06 Positive response",
                "Confirmed " + today + " by " + manager.getDisplayName() + ", with 王总", "见面谈过");
        String history = after.substring(after.indexOf("id=\"history\""));
        assertThat(history).containsSubsequence("A08 In scope → A07 Not refused", manager.getDisplayName(),
                "Conditions met: The answer came from the decision maker; They know what we do",
                "A21 Lead → A08 In scope", "Conditions met: The five key facts are known");
        assertThat(stage(lead)).isEqualTo("A07");
        assertThat(html(get("/customers/{id}", lead.getId()), manager, "zh-CN")).contains("A07 不拒绝");
    }

    @Test
    void a_tick_with_bad_input_is_refused_beside_its_field_and_nothing_is_written() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000", "025-7654321");
        Customer elsewhere = lead(manager, "9000000", "025-7654321");
        Contact strangers = contact(manager, elsewhere, "外人", DecisionRole.DECISION_MAKER);

        assertThat(refusedTick(manager, lead, "neutral_answer", today.plusDays(1).toString(), "明天的事", null))
                .contains("Cannot be in the future.", "明天的事");
        assertThat(refusedTick(manager, lead, "size_threshold", today.toString(), "手工", null))
                .contains("This condition is read from the customer&#39;s record and cannot be ticked.");
        assertThat(refusedTick(manager, lead, "neutral_by_decision_maker", today.toString(), "没有人", null))
                .contains("Choose a contact of this customer.", "No contact of this customer is a decision maker yet.",
                        "/customers/" + lead.getId() + "/contacts/new");
        assertThat(refusedTick(manager, lead, "neutral_by_decision_maker", today.toString(), "别家的人",
                strangers.getId())).contains("Choose a contact of this customer.");
        assertThat(refusedTick(manager, lead, "neutral_answer", today.toString(), "长".repeat(501), null))
                .contains("At most 500 characters.");
        assertThat(refusedTick(manager, lead, "neutral_answer", today.toString(), "空\u0000字符", null))
                .contains("Contains a control character");
        assertThat(refusedTick(manager, lead, "no_such_condition", today.toString(), null, null))
                .contains("This condition is not on the ladder in force.");
        assertThat(refusedTick(manager, lead, "neutral_answer", "2026-13-45", null, null)).contains("2026-13-45");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prospect_tick WHERE customer_id = ?", Integer.class,
                lead.getId())).isZero();
    }

    @Test
    void a_skipped_stage_is_refused_with_every_missing_condition_and_what_was_typed_is_kept() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer small = lead(manager, "100000", null);

        String page = move(manager, small, "A05", null, "en", "reason", "他们很积极")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String missing = page.substring(page.indexOf("id=\"missing\""), page.indexOf("id=\"reason-hint\""));
        assertThat(missing).containsSubsequence("A08 In scope", "Its size (annual sales) meets the threshold",
                "A07 Not refused", "The answer came from the decision maker", "A06 Positive response",
                "They are considering a change of supplier", "A05 Intent", "They know our price");
        assertThat(missing).as("a met condition is not missing").doesNotContain("It is in a target industry");
        assertThat(page).contains("The conditions of this stage, and of every stage it skips, must be met first.",
                "他们很积极", "<option value=\"A05\" selected=\"selected\">");
        assertThat(page).contains("Annual sales ¥100,000 &lt; ¥5,000,000".replace("¥", "CN¥"), "Missing on record: Fax");
        assertThat(stage(small)).as("nothing half-written").isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prospect_stage_change WHERE customer_id = ?",
                Integer.class, small.getId())).isZero();

        assertThat(move(manager, small, "Z99", null, "en").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("No such stage on the ladder.");
        assertThat(move(manager, small, "A21", null, "en").andReturn().getResponse().getContentAsString())
                .contains("It is at this stage already.");
        assertThat(move(manager, small, "", null, "en").andReturn().getResponse().getContentAsString())
                .contains("Required.");
    }

    @Test
    void a_downgrade_needs_a_reason_and_the_refusal_stage_needs_why_they_refused() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000", "025-7654321");
        Contact boss = contact(manager, lead, "赵总", DecisionRole.DECISION_MAKER);
        move(manager, lead, "A08", null, "en").andExpect(status().is3xxRedirection());

        assertThat(move(manager, lead, "A21", version(lead), "en", "reason", " ").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Moving down needs a reason.");
        assertThat(stage(lead)).isEqualTo("A08");

        tick(manager, lead, "refusal_by_decision_maker", today.toString(), "电话", boss.getId());
        for (String key : List.of("refusal_knows_us", "refusal_considered", "refusal_clear_no")) {
            tick(manager, lead, key, today.toString(), null, null).andExpect(status().is3xxRedirection());
        }
        assertThat(move(manager, lead, "A31", version(lead), "en").andReturn().getResponse().getContentAsString())
                .contains("Say why they refused.");
        assertThat(move(manager, lead, "A31", version(lead), "en", "refusalReason", "OTHER").andReturn().getResponse()
                .getContentAsString()).contains("Say what they said (the reason is Other).");
        assertThat(move(manager, lead, "A31", version(lead), "en", "refusalReason", "NOT_A_REASON").andReturn()
                .getResponse().getContentAsString()).contains("Invalid value.");
        assertThat(stage(lead)).isEqualTo("A08");

        move(manager, lead, "A31", version(lead), "en", "refusalReason", "PRICE", "refusalNote", "嫌贵")
                .andExpect(redirectedUrl(prospectUrl(lead) + "#standing"));
        String refused = html(get("/customers/{id}/prospect", lead.getId()), manager, "zh-CN");
        assertThat(refused).contains("A31 明确拒绝", "拒绝原因：价格 — 嫌贵", "A08 范围级 → A31 明确拒绝", "原因：嫌贵");

        move(manager, lead, "A21", version(lead), "en", "reason", "换了采购负责人，重新开始")
                .andExpect(redirectedUrl(prospectUrl(lead) + "#standing"));
        assertThat(stage(lead)).isEqualTo("A21");
        assertThat(html(get("/customers/{id}/prospect", lead.getId()), manager, "zh-CN"))
                .contains("A31 明确拒绝 → A21 资料级", "原因：换了采购负责人，重新开始").doesNotContain("拒绝原因：价格");
    }

    @Test
    void a_move_or_grade_against_an_old_version_is_a_conflict_page_and_overwrites_nothing() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000", "025-7654321");
        move(manager, lead, "A08", null, "en").andExpect(status().is3xxRedirection());
        long seen = Long.parseLong(version(lead));
        grade(manager, lead, "C", "30,000", String.valueOf(seen)).andExpect(status().is3xxRedirection());

        String conflict = move(manager, lead, "A21", String.valueOf(seen), "en", "reason", "重新评估")
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(conflict).contains("Someone else changed this prospect", "A21 Lead", "A08 In scope", "重新评估",
                "name=\"version\" value=\"" + version(lead) + "\"", "Move it anyway");
        assertThat(move(manager, lead, "A21", null, "en", "reason", "重新评估").andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString()).as("no version: made before the first move")
                .contains("Someone else changed this prospect");
        assertThat(grade(manager, lead, "A", "90,000", String.valueOf(seen)).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString()).contains("A — closes within a month", "C — closes within 6 months");
        assertThat(stage(lead)).isEqualTo("A08");
        assertThat(jdbc.queryForObject("SELECT close_class FROM prospect WHERE customer_id = ?", String.class,
                lead.getId())).isEqualTo("C");
    }

    @Test
    void the_grade_takes_money_as_typed_shows_the_class_with_its_rhythm_and_refuses_nonsense_beside_the_field()
            throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000", "025-7654321");

        grade(manager, lead, "B", "¥120,000", null).andExpect(redirectedUrl(prospectUrl(lead) + "#standing"));
        assertThat(jdbc.queryForObject("SELECT expected_monthly_value FROM prospect WHERE customer_id = ?",
                BigDecimal.class, lead.getId())).isEqualByComparingTo("120000");
        String page = html(get("/customers/{id}/prospect", lead.getId()), manager, "en");
        assertThat(page).contains("B — closes within 3 months, every 7 days",
                "A — closes within 3 months or over ¥100k a month", "value=\"120,000\"");
        assertThat(html(get("/customers/{id}", lead.getId()), manager, "zh-CN"))
                .contains("B — 预计 3 个月内成交，每 7 天跟进一次");

        for (String[] bad : new String[][] {{"-5", "Cannot be negative."},
            {"99999999999999999999", "At most 16 digits before and 2 after the decimal point."},
            {"12\u00003", "Enter an amount, e.g. 50,000, ¥1,234.50 or 5万"},
            {"一百万", "Enter an amount, e.g. 50,000, ¥1,234.50 or 5万"}}) {
            String refused = grade(manager, lead, "A", bad[0], version(lead)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(refused).as(bad[0]).contains(bad[1]);
        }
        assertThat(jdbc.queryForObject("SELECT close_class FROM prospect WHERE customer_id = ?", String.class,
                lead.getId())).isEqualTo("B");
        assertThat(grade(manager, lead, "F", "1", version(lead)).andReturn().getResponse().getContentAsString())
                .contains("Choose one of the classes.");
    }

    @Test
    void another_managers_prospect_is_missing_on_the_page_and_every_form_while_a_director_sees_it()
            throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer lead = lead(owner, "9000000", "025-7654321");
        tick(owner, lead, "neutral_answer", today.toString(), "再说吧", null).andExpect(status().is3xxRedirection());

        perform(get("/customers/{id}/prospect", lead.getId()), other, "en").andExpect(status().isNotFound());
        tick(other, lead, "neutral_knows_us", today.toString(), "偷偷", null).andExpect(status().isNotFound());
        perform(post("/customers/{id}/prospect/ticks/neutral_answer/delete", lead.getId()).with(csrf()), other, "en")
                .andExpect(status().isNotFound());
        move(other, lead, "A08", null, "en").andExpect(status().isNotFound());
        grade(other, lead, "A", "1", null).andExpect(status().isNotFound());
        perform(get("/customers/{id}/prospect", 987_654_321L), owner, "en").andExpect(status().isNotFound());
        assertThat(jdbc.queryForList("SELECT condition_key FROM prospect_tick WHERE customer_id = ?", String.class,
                lead.getId())).containsExactly("neutral_answer");
        assertThat(stage(lead)).isNull();

        assertThat(html(get("/customers/{id}/prospect", lead.getId()), director, "en")).contains("A21 Lead", "再说吧");

        Customer active = fixtures.customer(owner, Fixtures.unique("老客户"));
        perform(get("/customers/{id}/prospect", active.getId()), owner, "en").andExpect(status().isNotFound());
        assertThat(html(get("/customers/{id}", active.getId()), owner, "en")).doesNotContain("Work the ladder");
    }

    @Test
    void a_decision_maker_tick_stops_counting_when_its_contact_is_no_longer_one_and_says_why() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000", "025-7654321");
        Contact boss = contact(manager, lead, "钱总", DecisionRole.DECISION_MAKER);
        tick(manager, lead, "intent_by_decision_maker", today.toString(), "拍板", boss.getId())
                .andExpect(status().is3xxRedirection());
        assertThat(item(html(get("/customers/{id}/prospect", lead.getId()), manager, "en"), "intent_by_decision_maker"))
                .contains("data-met=\"true\"", "with 钱总").doesNotContain("Does not count");

        contacts.update(viewer(manager), lead.getId(), boss.getId(), boss.getVersion(), new ContactDetails("钱总", null,
                DecisionRole.ADVISOR, null, null, null, null, null));
        assertThat(item(html(get("/customers/{id}/prospect", lead.getId()), manager, "en"), "intent_by_decision_maker"))
                .contains("data-met=\"false\"", "Does not count: 钱总 is not a decision maker (now: Advisor).",
                        "Tick again");

        mvc.perform(post("/customers/{id}/contacts/{cid}/delete", lead.getId(), boss.getId())
                .with(user(Fixtures.principal(manager))).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(item(html(get("/customers/{id}/prospect", lead.getId()), manager, "en"), "intent_by_decision_maker"))
                .contains("Does not count: no decision maker is named.", "拍板");
    }

    @Test
    void a_withdrawn_tick_no_longer_counts_and_the_project_factors_make_a_project() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer lead = lead(manager, "9000000", "025-7654321");
        for (String key : List.of("project_need", "project_budget", "project_timeline", "project_decision_makers")) {
            tick(manager, lead, key, today.toString(), null, null).andExpect(status().is3xxRedirection());
        }
        assertThat(html(get("/customers/{id}", lead.getId()), manager, "en")).contains("Yes: all four project factors");
        assertThat(html(get("/customers/{id}/prospect", lead.getId()), manager, "en"))
                .contains("Yes: all four project factors confirmed");

        perform(post("/customers/{id}/prospect/ticks/project_budget/delete", lead.getId()).with(csrf()), manager, "en")
                .andExpect(redirectedUrl(prospectUrl(lead) + "#c-project_budget"));
        assertThat(html(get("/customers/{id}/prospect", lead.getId()), manager, "en"))
                .contains("Not yet: not all four project factors confirmed");
        assertThat(html(get("/customers/{id}", lead.getId()), manager, "en")).doesNotContain("Yes: all four");
    }

    @Test
    void the_audit_log_names_stages_conditions_classes_and_values_in_words_never_codes() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer lead = lead(manager, "9000000", "025-7654321");
        move(manager, lead, "A08", null, "en").andExpect(status().is3xxRedirection());
        tick(manager, lead, "neutral_answer", today.toString(), "再说吧", null).andExpect(status().is3xxRedirection());
        perform(post("/customers/{id}/prospect/ticks/neutral_answer/delete", lead.getId()).with(csrf()), manager, "en")
                .andExpect(status().is3xxRedirection());
        grade(manager, lead, "B", "60,000", version(lead)).andExpect(status().is3xxRedirection());

        String zh = html(get("/audit?customer=" + lead.getCode()), director, "zh-CN");
        String table = zh.substring(zh.indexOf("id=\"audit\""));
        assertThat(table).contains("开发阶段", "A21 资料级", "A08 范围级", "阶梯条件", "条件",
                "对方答复中立、模棱两可或软推辞（我考虑下、再说吧）", "新建", "删除", "成交时间分类", "B — 预计 3 个月内成交",
                "预计月成交额", "¥60,000.00");
        assertThat(table).doesNotContain(">Prospect<", "ProspectTick", "closeClass", "expectedMonthlyValue",
                "neutral_answer", ">A08<", ">B<", ">stage<", ">condition<");

        String en = html(get("/audit?customer=" + lead.getCode()), director, "en");
        assertThat(en.substring(en.indexOf("id=\"audit\""))).contains("Prospect stage", "Stage", "A21 Lead",
                "A08 In scope", "Ladder condition", "Condition", "Close-time class", "B — closes within 3 months");
    }

    // ---- helpers

    private Customer lead(AppUser owner, String annualSales, String fax) {
        return customers.create(viewer(owner), new CustomerProfile(Fixtures.unique("P"), Fixtures.unique("潜在客户"),
                Industry.MANUFACTURING, Region.EAST, new BigDecimal(annualSales), 120, "025-1234567", fax,
                null, CustomerStatus.PROSPECT, null, false, null, null), null);
    }

    private Contact contact(AppUser owner, Customer customer, String name, DecisionRole role) {
        return contacts.add(viewer(owner), customer.getId(),
                new ContactDetails(name, null, role, null, null, null, null, null));
    }

    private static Viewer viewer(AppUser user) {
        return Fixtures.principal(user).viewer();
    }

    private static String prospectUrl(Customer customer) {
        return "/customers/" + customer.getId() + "/prospect";
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, AppUser who, String language)
            throws Exception {
        return mvc.perform(request.with(user(Fixtures.principal(who))).header(HttpHeaders.ACCEPT_LANGUAGE, language));
    }

    private String html(MockHttpServletRequestBuilder request, AppUser who, String language) throws Exception {
        return perform(request, who, language).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private ResultActions tick(AppUser who, Customer customer, String key, String on, String note, Long contactId)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/customers/{id}/prospect/ticks", customer.getId()).with(csrf())
                .param("conditionKey", key).param("confirmedOn", on);
        if (note != null) {
            request.param("note", note);
        }
        if (contactId != null) {
            request.param("contactId", contactId.toString());
        }
        return perform(request, who, "en");
    }

    private String refusedTick(AppUser who, Customer customer, String key, String on, String note, Long contactId)
            throws Exception {
        return tick(who, customer, key, on, note, contactId).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private ResultActions move(AppUser who, Customer customer, String to, String version, String language,
            String... more) throws Exception {
        MockHttpServletRequestBuilder request = post("/customers/{id}/prospect/move", customer.getId()).with(csrf())
                .param("toStage", to).param("version", version == null ? "" : version);
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return perform(request, who, language);
    }

    private ResultActions grade(AppUser who, Customer customer, String closeClass, String value, String version)
            throws Exception {
        return perform(post("/customers/{id}/prospect/grade", customer.getId()).with(csrf())
                .param("closeClass", closeClass).param("expectedMonthlyValue", value)
                .param("version", version == null ? "" : version), who, "en");
    }

    private String version(Customer customer) {
        return String.valueOf(jdbc.queryForObject("SELECT version FROM prospect WHERE customer_id = ?", Long.class,
                customer.getId()));
    }

    private String stage(Customer customer) {
        return jdbc.queryForList("SELECT stage FROM prospect WHERE customer_id = ?", String.class, customer.getId())
                .stream().findFirst().orElse(null);
    }

    /** The checklist row of one condition. */
    private static String item(String page, String key) {
        int start = page.indexOf("id=\"c-" + key + "\"");
        assertThat(start).as("row of " + key).isPositive();
        int end = page.indexOf("</li>", start);
        return page.substring(start, end);
    }
}

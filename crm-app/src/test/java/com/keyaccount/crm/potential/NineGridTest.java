package com.keyaccount.crm.potential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Potential and adoption on the profile (seed 003), and the nine-grid that counts them. */
@FullStackTest
class NineGridTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;

    NineGridTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    /** Other tests rank the whole book by revenue: the grid's sales must not stay in it. */
    @AfterEach
    void removeTheSales() {
        jdbc.update("DELETE FROM sales_order WHERE order_no LIKE 'NG-%'");
    }

    @Test
    void an_owner_sets_potential_and_adoption_and_the_page_says_who_and_when() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("潜力客户"));

        assess(manager, customer, "8", "SECONDARY").andExpect(redirectedUrl("/customers/" + customer.getId() + "#potential"));

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT potential, adoption, potential_by_id, adoption_by_id, potential_at FROM customer WHERE id = ?""",
                customer.getId());
        assertThat(((Number) row.get("potential")).intValue()).isEqualTo(8);
        assertThat(row).containsEntry("adoption", "SECONDARY");
        assertThat(((Number) row.get("potential_by_id")).longValue()).isEqualTo(manager.getId());
        assertThat(row.get("potential_at")).isNotNull();
        assertThat(jdbc.queryForList("SELECT field FROM audit_event WHERE entity_id = ? AND action = 'UPDATE'",
                String.class, customer.getId())).contains("potential", "adoption");

        Document zh = page("/customers/" + customer.getId(), manager, "zh-CN");
        assertThat(zh.select("#potential").text()).contains("8 分（高）", "次选", manager.getDisplayName() + " 设定于");
        Document en = page("/customers/" + customer.getId(), manager, "en");
        assertThat(en.select("#potential").text()).contains("8 (High)", "Second choice");

        // the adoption changes, the potential is left: its author and time stay
        Object firstSet = row.get("potential_at");
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        assess(director, customer, "8", "PREFERRED").andExpect(status().is3xxRedirection());
        Map<String, Object> after = jdbc.queryForMap(
                "SELECT potential_by_id, potential_at, adoption_by_id FROM customer WHERE id = ?", customer.getId());
        assertThat(((Number) after.get("potential_by_id")).longValue()).isEqualTo(manager.getId());
        assertThat(after.get("potential_at")).isEqualTo(firstSet);
        assertThat(((Number) after.get("adoption_by_id")).longValue()).isEqualTo(director.getId());
    }

    @Test
    void a_score_out_of_range_or_an_unknown_adoption_is_refused_beside_its_field_and_nothing_changes() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("乱填"));

        for (String[] bad : new String[][] {{"10", "PREFERRED"}, {"0", ""}, {"abc", ""}, {"99999999999", ""}}) {
            String html = assess(manager, customer, bad[0], bad[1]).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(html).select(".field-error").text()).as("potential %s", bad[0])
                    .contains("请选择 1 到 9 分。");
        }
        String html = assess(manager, customer, "5", "EVERYTHING").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parse(html);
        assertThat(form.select(".field-error").text()).contains("请从列表中选择。");
        assertThat(form.select("select[name=potential] option[selected]").attr("value")).as("what was chosen stays")
                .isEqualTo("5");
        assertThat(jdbc.queryForMap("SELECT potential, adoption FROM customer WHERE id = ?", customer.getId()))
                .containsEntry("potential", null).containsEntry("adoption", null);
    }

    @Test
    void another_managers_customer_is_not_found() throws Exception {
        Customer theirs = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("别人的"));
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        mvc.perform(get("/customers/{id}/potential", theirs.getId()).with(user(Fixtures.principal(other))))
                .andExpect(status().isNotFound());
        assess(other, theirs, "9", "PREFERRED").andExpect(status().isNotFound());
        assertThat(jdbc.queryForMap("SELECT potential FROM customer WHERE id = ?", theirs.getId()))
                .containsEntry("potential", null);
    }

    @Test
    void the_grid_counts_a_managers_book_by_cell_and_each_cell_opens_its_customers() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer red1 = assessed(manager, "红区一", "9", "PREFERRED");
        Customer red2 = assessed(manager, "红区二", "7", "SECONDARY");
        Customer yellow = assessed(manager, "黄区", "8", "COMPETITOR");
        Customer yellow2 = assessed(manager, "黄区未用", "7", "NOT_USING");
        Customer low = assessed(manager, "低潜力", "3", "PREFERRED");
        Customer unknown = fixtures.customer(manager, Fixtures.unique("未评估"));
        Customer halfKnown = fixtures.customer(manager, Fixtures.unique("只知潜力"));
        assess(manager, halfKnown, "6", "");
        Customer lost = assessed(manager, "已流失", "9", "PREFERRED");
        jdbc.update("UPDATE customer SET status = 'LOST', lost_reason = '转投竞品' WHERE id = ?", lost.getId());
        LocalDate recent = LocalDate.now().minusDays(10);
        sale(red1, "NG-1", recent, "1200.00");
        sale(red2, "NG-2", recent, "300.50");
        recompute.run("TEST", "tester");

        Document grid = page("/nine-grid", manager, "en");
        assertThat(cell(grid, "HIGH-PREFERRED")).startsWith("1 customer ").contains("1,200");
        assertThat(cell(grid, "HIGH-SECONDARY")).startsWith("1 customer ").contains("301");
        assertThat(cell(grid, "HIGH-NOT_YET")).contains("2 customers", "Yellow zone");
        assertThat(cell(grid, "HIGH-PREFERRED")).contains("Red zone");
        assertThat(cell(grid, "LOW-PREFERRED")).startsWith("1 customer ").doesNotContain("zone");
        assertThat(cell(grid, "MEDIUM-PREFERRED")).contains("0 customers");
        assertThat(grid.select("#not-assessed").text()).contains("2 customers");

        String yellowList = mvc.perform(get("/customers").param("potential", "HIGH").param("adoption", "NOT_YET")
                        .with(user(Fixtures.principal(manager))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(yellowList).contains(yellow.getName(), yellow2.getName(), "Nine-grid: High potential, Competitor or not using")
                .doesNotContain(red1.getName(), low.getName(), unknown.getName());
        String notAssessed = mvc.perform(get("/customers").param("notAssessed", "true")
                        .with(user(Fixtures.principal(manager))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(notAssessed).contains(unknown.getName(), halfKnown.getName()).doesNotContain(red2.getName());

        Document zh = page("/nine-grid", manager, "zh-CN");
        assertThat(zh.select("h1").text()).isEqualTo("九宫格：潜力与使用情况");
        assertThat(cell(zh, "HIGH-PREFERRED")).contains("红区");
    }

    @Test
    void the_grid_kept_between_visits_shows_an_assessment_on_the_next_request() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        assessed(manager, "第一家", "8", "PREFERRED");
        assertThat(cell(page("/nine-grid", manager, "en"), "HIGH-PREFERRED")).startsWith("1 customer ");

        Customer second = assessed(manager, "第二家", "9", "SECONDARY");
        assertThat(cell(page("/nine-grid", manager, "en"), "HIGH-SECONDARY")).startsWith("1 customer ");
        assess(manager, second, "9", "PREFERRED");
        Document after = page("/nine-grid", manager, "en");
        assertThat(cell(after, "HIGH-PREFERRED")).contains("2 customers");
        assertThat(cell(after, "HIGH-SECONDARY")).contains("0 customers");
    }

    @Test
    void the_quarterly_profile_check_confirms_the_assessment() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = assessed(manager, "季度核实", "6", "COMPETITOR");
        assertThat(page("/customers/" + customer.getId(), manager, "en").select("#potential-confirmed")).isEmpty();

        mvc.perform(post("/customers/{id}/verify", customer.getId()).with(user(Fixtures.principal(manager)))
                .with(csrf())).andExpect(status().is3xxRedirection());

        assertThat(page("/customers/" + customer.getId(), manager, "en").select("#potential-confirmed").text())
                .startsWith("Confirmed with the profile check");
    }

    @Test
    void a_manager_sees_only_their_own_book_in_the_grid() throws Exception {
        AppUser mine = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        assessed(other, "别人的高潜力", "9", "PREFERRED");
        Document grid = page("/nine-grid", mine, "en");
        assertThat(cell(grid, "HIGH-PREFERRED")).contains("0 customers");
    }

    private Customer assessed(AppUser owner, String name, String potential, String adoption) throws Exception {
        Customer customer = fixtures.customer(owner, Fixtures.unique(name));
        assess(owner, customer, potential, adoption).andExpect(status().is3xxRedirection());
        return customer;
    }

    private org.springframework.test.web.servlet.ResultActions assess(AppUser who, Customer customer, String potential,
            String adoption) throws Exception {
        return mvc.perform(post("/customers/{id}/potential", customer.getId()).param("potential", potential)
                .param("adoption", adoption).with(user(Fixtures.principal(who))).with(csrf()));
    }

    private Document page(String path, AppUser who, String language) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(Fixtures.principal(who)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static String cell(Document grid, String cell) {
        return grid.select("#nine-grid td[data-cell=" + cell + "]").text();
    }

    private void sale(Customer customer, String orderNo, LocalDate day, String amount) {
        jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at)
                VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)""", customer.getId(), orderNo, day, new BigDecimal(amount));
    }
}

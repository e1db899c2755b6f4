package com.keyaccount.crm.targets;

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
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Targets and growth (issue 19, seed 000's 考核): a director sets each account manager's targets
 * for a year, refused beside the figure when out of range; the board sets a manager's net revenue,
 * orders, new key accounts and buying customers against them and the same days a year before; a
 * manager sees only their own row and cannot set targets.
 */
@FullStackTest
class TargetsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    /** The customers whose orders and tier history this test wrote: other tests read whole tables. */
    private final java.util.List<Long> written = new java.util.ArrayList<>();

    TargetsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @org.junit.jupiter.api.AfterEach
    void removeOrdersAndHistory() {
        for (long customer : written) {
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer);
            jdbc.update("DELETE FROM tier_change WHERE customer_id = ?", customer);
        }
    }

    @Test
    void a_director_sets_a_managers_targets_and_the_board_sets_what_was_done_against_them() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        // a year long past: nobody else's sales fall in it, and "so far" is the whole year
        String year = "2019";
        Customer customer = fixtures.customer(manager, Fixtures.unique("目标客户"));
        // one order, two product lines
        order(customer, "T-1", LocalDate.of(2019, 3, 1), "800.00", productLine());
        order(customer, "T-1", LocalDate.of(2019, 3, 1), "400.00", productLine());
        order(customer, "T-1R", LocalDate.of(2019, 4, 1), "-200.00");
        order(customer, "T-2", LocalDate.of(2019, 5, 1), "500.00");
        order(customer, "T-0", LocalDate.of(2018, 6, 1), "1000.00");
        Customer promoted = fixtures.customer(manager, Fixtures.unique("升级客户"));
        written.add(promoted.getId());
        jdbc.update("INSERT INTO tier_change (customer_id, from_tier, to_tier, changed_at, reason) VALUES (?, 'B', 'A', ?, '升级')",
                promoted.getId(), Timestamp.from(LocalDate.of(2019, 7, 1).atStartOfDay(ZONE).toInstant()));

        int row = rowOf(director, year, manager);
        perform(post("/targets").param("period", year).with(csrf()).params(form(director, year, row, "3000", "4", "2")),
                director, "en").andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT revenue FROM sales_target WHERE user_id = ?", BigDecimal.class,
                manager.getId())).isEqualByComparingTo("3000");

        String board = html(get("/targets").param("period", year), director, "en");
        String mine = board.substring(board.indexOf("id=\"target-" + manager.getId() + "\""));
        mine = mine.substring(0, mine.indexOf("</li>"));
        assertThat(mine).as("net of the credit note: 800 + 400 - 200 + 500")
                .contains("CN¥1,500.00", "of CN¥3,000.00: 50%", "50% against last year (CN¥1,000.00)")
                .as("two orders with a sale, against a target of four").contains("of 4: 50%")
                .as("one customer entered the top tier").contains("of 2: 50%");
        assertThat(jdbc.queryForList("SELECT field FROM audit_event WHERE entity_type = 'SalesTarget' AND entity_id = ?",
                String.class, manager.getId())).containsExactlyInAnyOrder("revenue[2019]", "orders[2019]",
                "newKeyAccounts[2019]");

        String export = perform(get("/targets/export.csv").param("period", year), director, "zh-CN").andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export.lines().findFirst().orElseThrow()).contains("期间,分组,名称,排名,净销售额·完成,净销售额·目标,"
                + "净销售额·达成率,净销售额·去年同期,净销售额·同比增长");
        String exported = export.lines().filter(line -> line.contains(manager.getDisplayName())).findFirst().orElseThrow();
        assertThat(exported).startsWith("2019年,个人," + manager.getDisplayName() + ",");
        String[] cells = exported.split(",", -1);
        assertThat(java.util.Arrays.stream(cells, 4, 12).map(BigDecimal::new).toList())
                .as("revenue done, target, attained (a fraction), a year before, growth; orders done, target, attained")
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1500"), new BigDecimal("3000"), new BigDecimal("0.5"),
                        new BigDecimal("1000"), new BigDecimal("0.5"), new BigDecimal("2"), new BigDecimal("4"),
                        new BigDecimal("0.5"));

        String own = html(get("/targets").param("period", year), manager, "en");
        assertThat(own).contains("CN¥1,500.00").doesNotContain("The sales team", "id=\"set-targets\"");
        assertThat(own.split("class=\"list-group-item\" id=\"target-", -1)).as("a manager sees their own row only")
                .hasSize(2);
        perform(get("/targets/edit").param("period", year), manager, "en").andExpect(status().isForbidden());
        perform(post("/targets").param("period", year).with(csrf()).params(form(director, year, row, "1", "1", "1")),
                manager, "en").andExpect(status().isForbidden());
    }

    @Test
    void figures_out_of_range_are_refused_beside_their_field_and_nothing_is_saved() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        int row = rowOf(director, "2020", manager);
        String page = perform(post("/targets").param("period", "2020").with(csrf())
                .params(form(director, "2020", row, "很多", "-1", "2000000")), director, "en")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Enter an amount", "很多", "Cannot be negative.", "Too large.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_target WHERE user_id = ?", Long.class,
                manager.getId())).isZero();
        assertThat(html(get("/targets").param("period", "nonsense"), director, "en"))
                .as("an unknown period shows this quarter").contains("Targets and growth");
    }

    @Test
    void a_team_has_its_own_target_against_the_sums_of_its_people_and_its_people_see_their_team() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser first = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser second = fixtures.user(Role.ACCOUNT_MANAGER);
        long team = unit("TEAM", Fixtures.unique("一组"));
        long other = unit("TEAM", Fixtures.unique("二组"));
        jdbc.update("UPDATE app_user SET unit_id = ? WHERE id IN (?, ?)", team, first.getId(), second.getId());
        // a year long past: nobody else's sales fall in it
        order(fixtures.customer(first, Fixtures.unique("甲")), "U-1", LocalDate.of(2016, 3, 1), "1000.00");
        order(fixtures.customer(second, Fixtures.unique("乙")), "U-2", LocalDate.of(2016, 4, 1), "500.00");

        String refused = html(post("/targets").param("period", "2016").with(csrf()).param("rows[0].unitId",
                String.valueOf(team)).param("rows[0].name", "一组").param("rows[0].revenue", "-5"), director, "en");
        assertThat(refused).contains("Cannot be negative.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM unit_target WHERE unit_id = ?", Long.class, team)).isZero();
        perform(post("/targets").param("period", "2016").with(csrf()).param("rows[0].unitId", String.valueOf(team))
                .param("rows[0].name", "一组").param("rows[0].revenue", "3000").param("rows[0].orders", "4"),
                director, "en").andExpect(status().is3xxRedirection());

        String board = html(get("/targets").param("period", "2016"), director, "en");
        String row = section(board, "unit-target-" + team);
        assertThat(row).contains("CN¥1,500.00").contains("of CN¥3,000.00: 50%").contains("of 4: 50%");
        assertThat(board).contains("unit-target-" + other);
        String seenByFirst = html(get("/targets").param("period", "2016"), first, "en");
        assertThat(section(seenByFirst, "unit-target-" + team)).contains("CN¥1,500.00");
        assertThat(seenByFirst).doesNotContain("unit-target-" + other);
        List<Map<String, Object>> audited = jdbc.queryForList("""
                SELECT field, new_value FROM audit_event WHERE entity_type = 'UnitTarget' AND entity_id = ?
                ORDER BY field""", team);
        assertThat(audited).extracting(r -> r.get("field")).containsExactly("orders[2016]", "revenue[2016]");
        assertThat(new BigDecimal((String) audited.get(1).get("new_value"))).isEqualByComparingTo("3000");
    }

    private long unit(String kind, String name) {
        long company = jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id IS NULL", Long.class);
        jdbc.update("INSERT INTO org_unit (parent_id, name, kind, created_at) VALUES (?, ?, ?, ?)", company, name, kind,
                Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE name = ?", Long.class, name);
    }

    /** The element with this id, up to its list item's end. */
    private static String section(String page, String id) {
        int from = page.indexOf("id=\"" + id + "\"");
        assertThat(from).as(id).isPositive();
        return page.substring(from, page.indexOf("</li>", from));
    }

    /** The form as the page offers it, with this manager's row typed. */
    private org.springframework.util.MultiValueMap<String, String> form(AppUser director, String year, int row,
            String revenue, String orders, String keyAccounts) throws Exception {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        List<Map<String, Object>> managers = jdbc.queryForList(
                "SELECT id, display_name FROM app_user WHERE role = 'ACCOUNT_MANAGER' AND enabled = TRUE ORDER BY display_name");
        for (int i = 0; i < managers.size(); i++) {
            form.add("rows[" + i + "].userId", managers.get(i).get("id").toString());
            form.add("rows[" + i + "].name", (String) managers.get(i).get("display_name"));
            boolean typed = i == row;
            form.add("rows[" + i + "].revenue", typed ? revenue : "");
            form.add("rows[" + i + "].orders", typed ? orders : "");
            form.add("rows[" + i + "].newKeyAccounts", typed ? keyAccounts : "");
        }
        return form;
    }

    /** Where the manager's row is on the form of the year: the form lists managers by name. */
    private int rowOf(AppUser director, String year, AppUser manager) throws Exception {
        String page = html(get("/targets/edit").param("period", year), director, "en");
        String field = "name=\"rows[";
        int at = page.indexOf("value=\"" + manager.getId() + "\"");
        String before = page.substring(0, at);
        String row = before.substring(before.lastIndexOf(field) + field.length());
        return Integer.parseInt(row.substring(0, row.indexOf(']')));
    }

    private void order(Customer customer, String no, LocalDate on, String amount) {
        order(customer, no, on, amount, null);
    }

    private void order(Customer customer, String no, LocalDate on, String amount, Long productLine) {
        written.add(customer.getId());
        jdbc.update("INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at, product_line_id) "
                + "VALUES (?, ?, ?, ?, ?, ?)", customer.getId(), no, Date.valueOf(on), new BigDecimal(amount),
                Timestamp.from(Instant.now()), productLine);
    }

    private long productLine() {
        String code = Fixtures.unique("PL");
        jdbc.update("INSERT INTO product_line (code, created_at, created_by) VALUES (?, ?, 'test')", code,
                Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM product_line WHERE code = ?", Long.class, code);
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

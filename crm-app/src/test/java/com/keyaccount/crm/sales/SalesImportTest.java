package com.keyaccount.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sales files as they come out of Excel and the ERP: each encoding and separator, every kind of
 * bad line, all-or-nothing, idempotent re-import, and the recompute that follows.
 */
@FullStackTest
class SalesImportTest {

    private static final String HEADER = "customer_code,order_no,order_date,amount,due_date,paid_date\n";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private AppUser director;
    private Customer alpha;
    private Customer beta;
    private final List<Long> customers = new ArrayList<>();

    SalesImportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void book() {
        director = fixtures.user(Role.SALES_DIRECTOR);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        alpha = fixtures.customer(manager, Fixtures.unique("甲公司"));
        beta = fixtures.customer(manager, Fixtures.unique("乙公司"));
        customers.addAll(List.of(alpha.getId(), beta.getId()));
    }

    /** Other tests count on being the only ones with revenue in the shared database. */
    @AfterEach
    void removeImportedOrders() throws Exception {
        Recomputes.awaitIdle(recompute);
        for (long id : customers) {
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", id);
        }
    }

    @Test
    void a_utf8_file_with_bom_yen_signs_thousands_separators_and_slash_dates_is_imported_and_tiers_follow()
            throws Exception {
        String file = "\uFEFF" + HEADER
                + alpha.getCode() + ",SO-1,2026/03/05,\"¥1,234,567.50\",2026/04/04,2026/04/01\n"
                + alpha.getCode() + ",SO-2,2026-03-06,800,,\n"
                + beta.getCode() + ",SO-1,2026-03-07,￥99.9,2026-04-06,\n";
        String page = importFile(file.getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("All 3 lines imported.");
        assertThat(field(page, "created")).isEqualTo("3");
        assertThat(order(alpha, "SO-1")).containsEntry("order_date", LocalDate.of(2026, 3, 5))
                .containsEntry("paid_date", LocalDate.of(2026, 4, 1));
        assertThat((BigDecimal) order(alpha, "SO-1").get("amount")).isEqualByComparingTo("1234567.50");
        assertThat(order(alpha, "SO-2")).containsEntry("paid_date", null).containsEntry("due_date", null);
        assertThat((BigDecimal) order(beta, "SO-1").get("amount")).isEqualByComparingTo("99.90");
        Recomputes.awaitIdle(recompute);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recompute_run WHERE trigger_kind = 'SALES_IMPORT'",
                Integer.class)).isPositive();
    }

    @Test
    void a_gb18030_tab_separated_file_from_excel_on_chinese_windows_keeps_its_chinese_text() throws Exception {
        Charset gb = Charset.forName("GB18030");
        String file = "customer_code\torder_no\torder_date\tamount\tdue_date\tpaid_date\r\n"
                + alpha.getCode() + "\t合同-甲-001\t2026-05-01\t5000\t2026-05-31\t2026-05-20\r\n";
        String page = importFile(file.getBytes(gb));

        assertThat(page).contains("All 1 lines imported.", "GB18030");
        assertThat((BigDecimal) order(alpha, "合同-甲-001").get("amount")).isEqualByComparingTo("5000");
    }

    /** Excel's "Unicode text": UTF-16 little endian with a byte order mark, tab separated. */
    @Test
    void a_unicode_text_file_from_excel_in_utf16_with_bom_and_tabs_is_imported() throws Exception {
        String file = "\uFEFFcustomer_code\torder_no\torder_date\tamount\tdue_date\tpaid_date\r\n"
                + alpha.getCode() + "\t合同-甲-016\t2026-05-02\t1,234.50\t2026-06-01\t\r\n"
                + beta.getCode() + "\t合同-乙-016\t2026/05/03\t￥88\t\t2026-05-20\r\n";
        String page = importFile(file.getBytes(StandardCharsets.UTF_16LE));

        assertThat(page).contains("All 2 lines imported.", "UTF-16LE");
        assertThat((BigDecimal) order(alpha, "合同-甲-016").get("amount")).isEqualByComparingTo("1234.50");
        assertThat(order(alpha, "合同-甲-016")).containsEntry("due_date", LocalDate.of(2026, 6, 1));
        assertThat(order(beta, "合同-乙-016")).containsEntry("order_date", LocalDate.of(2026, 5, 3))
                .containsEntry("paid_date", LocalDate.of(2026, 5, 20));
    }

    @Test
    void one_bad_line_rejects_the_whole_file_lists_every_problem_and_leaves_the_orders_as_they_were()
            throws Exception {
        importFile((HEADER + alpha.getCode() + ",KEEP-1,2026-01-02,100,,\n").getBytes(StandardCharsets.UTF_8));
        Map<String, Object> before = checksum();
        String file = HEADER
                + alpha.getCode() + ",GOOD-1,2026-03-01,100,,\n"                    // line 2: fine
                + "NO-SUCH-CODE,X-1,2026-03-01,100,,\n"                              // line 3
                + alpha.getCode() + ",X-2,2026-02-30,100,,\n"                        // line 4: no 30 February
                + alpha.getCode() + ",X-3,2026-03-01,-5x,,\n"                        // line 5
                + alpha.getCode() + ",GOOD-1,2026-03-02,100,,\n"                     // line 6: repeats line 2
                + beta.getCode() + ",X-4,2026-03-01,,2026-02-01,2026-02-01\n"        // line 7: 3 problems
                + beta.getCode() + ",X-5,2026-03-01,12.345,,\n"                      // line 8
                + beta.getCode() + ",X-6,2026-03-01\n";                              // line 9: short
        String page = importFile(file.getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("7 of 8 lines are bad. Nothing was imported");
        String bad = page.substring(page.indexOf("id=\"bad-lines\""));
        assertThat(bad).contains("No customer has this code.", "NO-SUCH-CODE", "Not a date", "2026-02-30",
                "-5x", "already on line 2", "Required; the cell is empty.",
                "Due before the order date.", "Paid before the order date.", "Not an amount with at most two decimals.",
                "Wrong number of fields (3/6).");
        assertThat(checksum()).as("sales_order unchanged").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE order_no = 'GOOD-1' AND customer_id = ?",
                Integer.class, alpha.getId())).isZero();

        int link = page.indexOf("/errors.csv");
        String csv = mvc.perform(get(page.substring(page.lastIndexOf('"', link) + 1, link) + "/errors.csv")
                        .with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFline,column,value,reason").contains("3,customer_code,NO-SUCH-CODE,没有此编码的客户。")
                .contains("5,amount,'-5x,不是最多两位小数的金额。");
    }

    @Test
    void importing_the_same_file_twice_changes_nothing_and_a_changed_line_updates_its_order() throws Exception {
        String file = HEADER + alpha.getCode() + ",R-1,2026-03-01,100,,\n" + alpha.getCode() + ",R-2,2026-03-02,200,,\n";
        importFile(file.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> after = checksum();

        String again = importFile(file.getBytes(StandardCharsets.UTF_8));
        assertThat(field(again, "created")).isEqualTo("0");
        assertThat(field(again, "updated")).isEqualTo("0");
        assertThat(field(again, "unchanged")).isEqualTo("2");
        assertThat(checksum()).isEqualTo(after);

        String paid = importFile((HEADER + alpha.getCode() + ",R-2,2026-03-02,200,,2026-03-20\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(field(paid, "updated")).isEqualTo("1");
        assertThat(order(alpha, "R-2")).containsEntry("paid_date", LocalDate.of(2026, 3, 20));
    }

    @Test
    void a_file_without_the_required_columns_is_rejected_before_any_line_is_read() throws Exception {
        String page = importFile("code,amount\nX,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("The header has no such column: add a column headed order_no.",
                "add a column headed order_date.");
    }

    /**
     * The bad lines name their columns as a reader would (下单日期, Order date), not by the codes
     * the header carries; only a missing column's reason says the header to add.
     */
    @Test
    void the_bad_lines_name_their_columns_in_the_readers_language() throws Exception {
        String file = HEADER
                + alpha.getCode() + ",X-1,2026-02-30,100,,\n"         // line 2: no 30 February
                + "NO-SUCH-CODE,X-2,2026-03-01,100,,\n";              // line 3
        for (String[] language : new String[][] {{"zh-CN", "下单日期", "客户编码"}, {"en", "Order date", "Customer code"}}) {
            Document page = Jsoup.parse(Imports.upload(mvc, jdbc, director, "sales", file.getBytes(StandardCharsets.UTF_8),
                    language[0]));
            Elements rows = page.select("#bad-lines tbody tr");
            assertThat(rows.eachText()).as(language[0]).hasSize(2);
            assertThat(rows.stream().map(row -> row.child(1).text()).toList()).as(language[0])
                    .containsExactly(language[1], language[2]);
            assertThat(page.getElementById("bad-lines").text()).doesNotContain("order_date", "customer_code");
        }
        Document missing = Jsoup.parse(Imports.upload(mvc, jdbc, director, "sales",
                "customer_code,amount\nX,1\n".getBytes(StandardCharsets.UTF_8), "zh-CN"));
        assertThat(missing.select("#bad-lines tbody tr").eachText()).anyMatch(row -> row.contains("订单号")
                && row.contains("表头缺少此列：请添加表头为 order_no 的列。"));
    }

    @Test
    void an_import_whose_instance_died_mid_file_shows_as_failed_and_its_staged_lines_are_gone() throws Exception {
        jdbc.update("""
                INSERT INTO data_import (kind, file_name, started_by, started_at, heartbeat_at, status)
                VALUES ('SALES', 'interrupted.csv', 'someone', ?, ?, 'RUNNING')""",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(7200)),
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)));
        long id = jdbc.queryForObject("SELECT MAX(id) FROM data_import WHERE file_name = 'interrupted.csv'", Long.class);
        jdbc.update("""
                INSERT INTO sales_import_stage (import_id, line_no, customer_id, order_no, order_date, amount)
                VALUES (?, 2, ?, 'HALF-1', DATE '2026-01-01', 1)""", id, alpha.getId());

        String page = mvc.perform(get("/imports/{id}", id).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Failed: the server stopped while this file was being imported. Nothing was imported");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_import_stage WHERE import_id = ?", Integer.class, id))
                .isZero();
    }

    @Test
    void order_numbers_with_backslashes_tabs_and_line_breaks_are_stored_as_written_and_credited_by_them()
            throws Exception {
        String odd = "A\\B\tC\nD\\N";
        String file = "customer_code,order_no,order_date,amount,refers_to\n"
                + alpha.getCode() + ",\"" + odd + "\",2026-03-01,100.50,\n"
                + alpha.getCode() + ",CN-1,2026-03-02,-20,\"" + odd + "\"\n"
                + alpha.getCode() + ",\\N,2026-03-03,7,\n";
        String page = importFile(file.getBytes(StandardCharsets.UTF_8));

        assertThat(field(page, "created")).isEqualTo("3");
        assertThat((BigDecimal) order(alpha, odd).get("amount")).isEqualByComparingTo("100.50");
        assertThat(jdbc.queryForObject("SELECT refers_to FROM sales_order WHERE customer_id = ? AND order_no = 'CN-1'",
                String.class, alpha.getId())).isEqualTo(odd);
        assertThat(order(alpha, "\\N")).containsEntry("order_date", LocalDate.of(2026, 3, 3));

        String again = importFile(file.getBytes(StandardCharsets.UTF_8));
        assertThat(field(again, "unchanged")).isEqualTo("3");
    }

    @Test
    void account_managers_cannot_import() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        mvc.perform(get("/imports/sales").with(user(Fixtures.principal(manager)))).andExpect(status().isForbidden());
        mvc.perform(multipart("/imports/sales").file(new MockMultipartFile("file", "s.csv", "text/csv",
                        HEADER.getBytes(StandardCharsets.UTF_8))).with(csrf()).with(user(Fixtures.principal(manager))))
                .andExpect(status().isForbidden());
    }

    private String importFile(byte[] content) throws Exception {
        return Imports.upload(mvc, jdbc, director, "sales", content);
    }

    private Map<String, Object> order(Customer customer, String orderNo) {
        return jdbc.queryForMap("SELECT order_date, amount, due_date, paid_date FROM sales_order "
                + "WHERE customer_id = ? AND order_no = ?", customer.getId(), orderNo)
                .entrySet().stream().collect(java.util.HashMap::new, (m, e) -> m.put(e.getKey().toLowerCase(),
                        e.getValue() instanceof java.sql.Date d ? d.toLocalDate() : e.getValue()), Map::putAll);
    }

    private Map<String, Object> checksum() {
        return jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS total, MAX(id) AS last_id, "
                + "COUNT(paid_date) AS paid FROM sales_order");
    }

    private static String field(String page, String id) {
        return Imports.field(page, id);
    }
}

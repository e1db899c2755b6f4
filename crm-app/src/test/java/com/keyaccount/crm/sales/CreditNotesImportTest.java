package com.keyaccount.crm.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sales files as ERPs export them (issue 15): credit notes and returns with the order they refer
 * to, product lines, cost and margin; every new line error, a rejected file that writes nothing
 * (not even a product line), and the customer page's net figures.
 */
@FullStackTest
class CreditNotesImportTest {

    private static final String HEADER =
            "customer_code,order_no,order_date,amount,due_date,paid_date,refers_to,product_line,cost,margin\n";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private AppUser director;
    private AppUser admin;
    private Customer alpha;
    private Customer beta;
    /** product line codes unique to this test, so other tests never meet them */
    private String lineA;
    private String lineB;
    private final LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(10);

    CreditNotesImportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void book() {
        director = fixtures.user(Role.SALES_DIRECTOR);
        admin = fixtures.user(Role.ADMIN);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        alpha = fixtures.customer(manager, Fixtures.unique("退货甲"));
        beta = fixtures.customer(manager, Fixtures.unique("退货乙"));
        lineA = Fixtures.unique("PUMPS");
        lineB = Fixtures.unique("VALVES");
    }

    /** Other tests count on being the only ones with revenue, and on the product lines they make. */
    @AfterEach
    void removeImportedOrders() throws Exception {
        Recomputes.awaitIdle(recompute);
        for (Customer customer : List.of(alpha, beta)) {
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer.getId());
            jdbc.update("DELETE FROM customer_tier WHERE customer_id = ?", customer.getId());
            jdbc.update("DELETE FROM tier_change WHERE customer_id = ?", customer.getId());
        }
        jdbc.update("DELETE FROM product_line WHERE code LIKE 'PUMPS-%' OR code LIKE 'VALVES-%' OR code LIKE 'NEW-%'");
        jdbc.update("UPDATE sales_setting SET create_product_lines = TRUE");
        Imports.forget(jdbc, director.getUsername());
    }

    @Test
    void credit_notes_product_lines_and_margins_import_and_the_customer_page_shows_sales_credits_net_and_margin()
            throws Exception {
        String file = HEADER
                + line(alpha, "SO-1", 0, "1000.00", "", lineA, "600", "")        // margin 400
                + line(alpha, "SO-1", 0, "500.00", "", lineB, "", "100")         // same order, second product line
                + line(alpha, "CN-1", 1, "-300.00", "SO-1", "", "", "")          // order on two lines: none taken
                + line(alpha, "SO-2", 2, "200.00", "", lineA, "", "")            // no margin
                + line(alpha, "CN-2", 3, "-50.00", "SO-2", "", "20", "")         // takes SO-2's line; margin -50 + 20
                + line(alpha, "ZERO-1", 4, "0.00", "", "", "", "")               // accepted
                + line(beta, "CN-9", 5, "-10.00", "", "", "", "");               // names no order: allowed
        String page = upload(file);

        assertThat(page).contains("All 7 lines imported.");
        assertThat(Imports.field(page, "created")).isEqualTo("7");
        assertThat(jdbc.queryForList("""
                SELECT o.order_no || ':' || COALESCE(p.code, '-') || ':' || o.amount || ':' || COALESCE(o.refers_to, '-')
                    || ':' || COALESCE(CAST(o.margin AS VARCHAR(30)), '-')
                FROM sales_order o LEFT JOIN product_line p ON p.id = o.product_line_id
                WHERE o.customer_id = ? ORDER BY o.order_no, p.code""", String.class, alpha.getId()))
                .containsExactly("CN-1:-:-300.00:SO-1:-", "CN-2:" + lineA + ":-50.00:SO-2:-30.00",
                        "SO-1:" + lineA + ":1000.00:-:400.00", "SO-1:" + lineB + ":500.00:-:100.00",
                        "SO-2:" + lineA + ":200.00:-:-", "ZERO-1:-:0.00:-:-");
        assertThat(jdbc.queryForObject("SELECT created_by FROM product_line WHERE code = ?", String.class, lineA))
                .isEqualTo(director.getUsername());
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_event WHERE entity_type = 'ProductLine' AND action = 'CREATE'
                  AND entity_id IN (SELECT id FROM product_line WHERE code IN (?, ?))""", Integer.class, lineA, lineB))
                .isEqualTo(2);

        String again = upload(file);
        assertThat(Imports.field(again, "created")).isEqualTo("0");
        assertThat(Imports.field(again, "updated")).isEqualTo("0");
        assertThat(Imports.field(again, "unchanged")).isEqualTo("7");
        String changedMargin = upload(HEADER + line(alpha, "SO-2", 2, "200.00", "", lineA, "", "80"));
        assertThat(Imports.field(changedMargin, "updated")).isEqualTo("1");

        // sales 1000 + 500 + 200 + 0 = 1,700; credits -300 - 50 = -350; net 1,350;
        // margin 400 + 100 + 80 - 30 = 550, 550 / 1350 = 40.7%; sale orders SO-1, SO-2, ZERO-1
        String customerPage = customerPage(alpha, "en");
        assertThat(Imports.field(customerPage, "sales-sales")).isEqualTo("CN¥1,700.00");
        assertThat(Imports.field(customerPage, "sales-credits")).isEqualTo("-CN¥350.00");
        assertThat(Imports.field(customerPage, "sales-net")).isEqualTo("CN¥1,350.00");
        assertThat(Imports.field(customerPage, "sales-margin")).isEqualTo("CN¥550.00 (40.7% of net revenue)");
        assertThat(Imports.field(customerPage, "sales-orders")).isEqualTo("3");
        String recent = customerPage.substring(customerPage.indexOf("id=\"recent-orders\""));
        assertThat(recent).contains("Credit note or return", "for order SO-1", "for order SO-2", lineA, lineB);
        assertThat(customerPage(alpha, "zh-CN")).contains("退货与贷项", "净销售额", "毛利", "对应订单 SO-1");

        // without margins the block says nothing of margin; beta's net is negative
        String betaPage = customerPage(beta, "en");
        assertThat(Imports.field(betaPage, "sales-net")).isEqualTo("-CN¥10.00");
        assertThat(betaPage).doesNotContain("id=\"sales-margin\"");
    }

    @Test
    void a_credit_note_sent_again_after_its_order_gained_a_product_line_keeps_its_line_and_is_counted_once()
            throws Exception {
        upload(HEADER + line(alpha, "SO-G", 0, "1000.00", "", lineA, "", "")
                + line(alpha, "CN-G", 1, "-100.00", "SO-G", "", "", ""));
        // the ERP sends the order again with a second product line, and the credit note as before
        String again = upload(HEADER + line(alpha, "SO-G", 0, "1000.00", "", lineA, "", "")
                + line(alpha, "SO-G", 0, "300.00", "", lineB, "", "")
                + line(alpha, "CN-G", 1, "-100.00", "SO-G", "", "", ""));

        assertThat(Imports.field(again, "created")).isEqualTo("1");
        assertThat(Imports.field(again, "unchanged")).isEqualTo("2");
        assertThat(jdbc.queryForList("""
                SELECT COALESCE(p.code, '-') || ':' || o.amount FROM sales_order o
                LEFT JOIN product_line p ON p.id = o.product_line_id
                WHERE o.customer_id = ? AND o.order_no = 'CN-G'""", String.class, alpha.getId()))
                .containsExactly(lineA + ":-100.00");
    }

    @Test
    void days_to_pay_on_the_customer_page_count_sales_not_the_dates_credit_notes_were_settled() throws Exception {
        // a sale paid after 10 days; a credit note for part of it, settled 40 days after it was issued
        upload(HEADER
                + String.join(",", alpha.getCode(), "SO-P", day.toString(), "800.00", "", day.plusDays(10).toString(),
                        "", "", "", "") + "\n"
                + String.join(",", alpha.getCode(), "CN-P", day.plusDays(1).toString(), "-100.00", "",
                        day.plusDays(41).toString(), "SO-P", "", "", "") + "\n");

        assertThat(Imports.field(customerPage(alpha, "en"), "sales-days")).isEqualTo("10.0 days");
    }

    @Test
    void a_customer_whose_credit_notes_exceed_their_sales_ranks_as_zero_revenue_instead_of_failing_the_recompute()
            throws Exception {
        upload(HEADER + line(alpha, "S-1", 0, "900.00", "", "", "", "")
                + line(beta, "S-2", 0, "100.00", "", "", "", "")
                + line(beta, "C-2", 1, "-100.00", "S-2", "", "", "")
                + line(beta, "C-3", 2, "-250.00", "", "", "", ""));     // beta: 100 - 100 - 250 = -250
        Recomputes.awaitIdle(recompute);
        recompute.run("TEST", "test");

        Map<String, Object> tier = jdbc.queryForMap(
                "SELECT computed_tier, revenue FROM customer_tier WHERE customer_id = ?", beta.getId());
        assertThat(tier.get("computed_tier")).isEqualTo("C");
        // kept as it is, for the explanation ("net revenue −¥250.00 counted as zero"); ranked as zero: C
        assertThat((BigDecimal) tier.get("revenue")).isEqualByComparingTo("-250");
        assertThat(jdbc.queryForObject("SELECT computed_tier FROM customer_tier WHERE customer_id = ?", String.class,
                alpha.getId())).isEqualTo("A");
    }

    @Test
    void every_new_line_error_is_explained_and_a_rejected_file_writes_nothing_not_even_its_product_lines()
            throws Exception {
        upload(HEADER + line(alpha, "ORD-1", 0, "100.00", "", "", "", "")
                + line(alpha, "CN-OLD", 1, "-60.00", "ORD-1", "", "", ""));
        Map<String, Object> before = checksum();
        String tooLong = "NEW-" + "x".repeat(37);
        String file = HEADER
                + line(alpha, "S-1", 2, "100.00", "ORD-1", "", "", "")           // 2: a sale naming an order
                + line(alpha, "C-1", 2, "-10.00", "NO-SUCH", "", "", "")         // 3: no such order
                + line(beta, "C-2", 2, "-10.00", "ORD-1", "", "", "")            // 4: alpha's order, not beta's
                + line(alpha, "C-3", 2, "-50.00", "ORD-1", "", "", "")           // 5: 60 + 50 > 100
                + line(alpha, "S-2", 2, "100.00", "", "NEW-A", "-5", "")         // 6: negative cost
                + line(alpha, "S-3", 2, "100.00", "", "NEW-A", "", "150")        // 7: sale margin above amount
                + line(alpha, "C-4", 2, "-100.00", "", "", "", "-150")           // 8: credit margin below amount
                + line(alpha, "S-4", 2, "100.00", "", "", "30", "50")            // 9: cost 30 gives 70, not 50
                + line(alpha, "S-5", 2, "100.00", "", tooLong, "", "")           // 10: code too long
                + line(alpha, "S-6", 2, "100.00", "", "NEW-B", "", "")           // 11: fine, and a new line
                + line(alpha, "S-6", 3, "120.00", "", "NEW-B", "", "")           // 12: repeats line 11's key
                + line(alpha, "S-6", 3, "120.00", "", "", "", "")                // 13: same order, no line: fine
                + line(alpha, "S-7", 2, "abc", "", "", "1x", "");                // 14: two bad numbers
        String page = upload(file);

        assertThat(page).contains("11 of 13 lines are bad. Nothing was imported");
        String bad = page.substring(page.indexOf("id=\"bad-lines\""));
        assertThat(bad).contains(
                "Only a credit note or return (a negative amount) may name the order it refers to.",
                "This customer has no order with this number, neither stored nor in this file.",
                "With the other credit notes and returns for this order, more than the order amount of 100.00.",
                "A cost cannot be negative.",
                "Margin larger than the amount",
                "Does not match amount and cost, which give a margin of 70.00.",
                "Longer than 40 characters.",
                "The same order number (and product line) for this customer is already on line 11.",
                "Not an amount with at most two decimals.");
        assertThat(count(bad, "This customer has no order with this number")).isEqualTo(2);
        assertThat(count(bad, "Margin larger than the amount")).isEqualTo(2);
        assertThat(checksum()).as("sales_order and product_line unchanged").isEqualTo(before);

        int link = page.indexOf("/errors.csv");
        String csv = mvc.perform(get(page.substring(page.lastIndexOf('"', link) + 1, link) + "/errors.csv")
                        .with(user(Fixtures.principal(director))).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("2,refers_to,ORD-1,只有退货与贷项（负金额）才能填写所对应的订单号。",
                "5,refers_to,ORD-1,加上此订单的其他退货与贷项，合计超过订单金额 100.00。",
                "6,cost,'-5,成本不能为负数。", "9,margin,50,与金额和成本不符：按金额和成本计算的毛利为 70.00。");
    }

    @Test
    void credit_notes_may_name_an_order_up_to_its_amount_and_a_re_imported_credit_note_is_not_counted_twice()
            throws Exception {
        String order = line(alpha, "ORD-9", 0, "100.00", "", "", "", "");
        String credit = line(alpha, "CN-9", 1, "-100.00", "ORD-9", "", "", "");
        assertThat(upload(HEADER + order + credit)).contains("All 2 lines imported.");
        assertThat(upload(HEADER + order + credit)).contains("All 2 lines imported.");
        assertThat(upload(HEADER + credit)).contains("All 1 lines imported.");

        String oneCentMore = upload(HEADER + line(alpha, "CN-10", 2, "-0.01", "ORD-9", "", "", ""));
        assertThat(oneCentMore).contains("1 of 1 lines are bad", "more than the order amount of 100.00");

        // the same file raises the order: the credit note fits the order as the file leaves it
        String raised = upload(HEADER + line(alpha, "ORD-9", 0, "150.00", "", "", "", "")
                + line(alpha, "CN-10", 2, "-50.00", "ORD-9", "", "", ""));
        assertThat(raised).contains("All 2 lines imported.");
        assertThat(Imports.field(raised, "updated")).isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM sales_order WHERE customer_id = ?", BigDecimal.class,
                alpha.getId())).isEqualByComparingTo("0");
    }

    @Test
    void with_automatic_creation_switched_off_an_unknown_product_line_rejects_the_file() throws Exception {
        upload(HEADER + line(alpha, "K-1", 0, "10.00", "", lineA, "", ""));
        mvc.perform(post("/admin/product-lines/setting").param("createOnImport", "false").with(csrf())
                .with(user(Fixtures.principal(admin)))).andExpect(status().is3xxRedirection());

        String page = upload(HEADER + line(alpha, "K-2", 1, "10.00", "", lineA, "", "")
                + line(alpha, "K-3", 1, "10.00", "", lineB, "", ""));
        assertThat(page).contains("1 of 2 lines are bad", "Unknown product line: creating new product lines on "
                + "import is switched off");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product_line WHERE code = ?", Integer.class, lineB))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE customer_id = ?", Integer.class,
                alpha.getId())).isOne();
    }

    private String line(Customer customer, String orderNo, int daysLater, String amount, String refersTo,
            String productLine, String cost, String margin) {
        return String.join(",", customer.getCode(), orderNo, day.plusDays(daysLater).toString(), amount, "", "",
                refersTo, productLine, cost, margin) + "\n";
    }

    private String upload(String file) throws Exception {
        return Imports.upload(mvc, jdbc, director, "sales", file.getBytes(StandardCharsets.UTF_8));
    }

    private String customerPage(Customer customer, String language) throws Exception {
        return mvc.perform(get("/customers/{id}", customer.getId()).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> checksum() {
        Map<String, Object> sums = new java.util.HashMap<>(jdbc.queryForMap("SELECT COUNT(*) AS n, "
                + "COALESCE(SUM(amount), 0) AS total, MAX(id) AS last_id FROM sales_order"));
        sums.put("product_lines", jdbc.queryForObject("SELECT COUNT(*) FROM product_line", Long.class));
        sums.put("audit", jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'ProductLine'",
                Long.class));
        return sums;
    }

    private static int count(String text, String part) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            at.add(i);
        }
        return at.size();
    }
}

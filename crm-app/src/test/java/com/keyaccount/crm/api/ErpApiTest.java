package com.keyaccount.crm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The ERP's JSON API: tokens an admin issues and revokes, idempotent pushes, per-field errors as
 * RFC 9457 problems ({@code application/problem+json} with the fields under {@code errors}).
 */
@FullStackTest
class ErpApiTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private AppUser admin;
    private Customer customer;
    private String token;

    ErpApiTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void issueToken() throws Exception {
        admin = fixtures.user(Role.ADMIN);
        customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("接口客户"));
        token = (String) mvc.perform(post("/admin/api-tokens").param("name", "金蝶 ERP")
                        .with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("issuedToken");
        assertThat(token).startsWith("crm_");
    }

    /** Other tests count on being the only ones with revenue in the shared database. */
    @AfterEach
    void removeOrders() throws Exception {
        Recomputes.awaitIdle(recompute);
        jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer.getId());
        jdbc.update("DELETE FROM product_line WHERE code LIKE 'ERP-LINE-%'");
        Imports.forget(jdbc, "api:金蝶 ERP");
    }

    @Test
    void a_nul_in_a_pushed_field_answers_400_naming_the_field_and_stores_nothing() throws Exception {
        push("""
                {"orders": [{"customerCode": "%s", "orderNo": "ERP-\\u0000-1", "orderDate": "2026-03-01",
                  "amount": "10"}]}""".formatted(customer.getCode()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("1 problem; nothing was written."))
                .andExpect(jsonPath("$.instance").value("/api/v1/orders"))
                .andExpect(jsonPath("$.errors[0].field").value("orderNo"))
                .andExpect(jsonPath("$.errors[0].reason").value("CONTROL_CHARACTER"));
        push("""
                {"orders": [{"customerCode": "\\u0000%s", "orderNo": "ERP-2", "orderDate": "2026-03-01",
                  "amount": "10"}]}""".formatted(customer.getCode()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerCode"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE customer_id = ?", Integer.class,
                customer.getId())).isZero();
    }

    @Test
    void pushing_orders_twice_is_idempotent_and_a_payment_updates_the_order() throws Exception {
        String orders = """
                {"orders": [
                  {"customerCode": "%1$s", "orderNo": "ERP-1", "orderDate": "2026-03-01", "amount": "1,200.50"},
                  {"customerCode": "%1$s", "orderNo": "ERP-2", "orderDate": "2026/03/02", "amount": 300,
                   "dueDate": "2026-04-01"}
                ]}""".formatted(customer.getCode());
        push(orders).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        push(orders).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        push("""
                {"orders": [{"customerCode": "%s", "orderNo": "ERP-2", "orderDate": "2026-03-02", "amount": "300",
                  "dueDate": "2026-04-01", "paidDate": "2026-03-25"}]}""".formatted(customer.getCode()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));

        assertThat(jdbc.queryForObject("SELECT amount FROM sales_order WHERE customer_id = ? AND order_no = 'ERP-1'",
                BigDecimal.class, customer.getId())).isEqualByComparingTo("1200.50");
        assertThat(jdbc.queryForObject("SELECT last_used_at FROM api_token WHERE name = '金蝶 ERP' "
                + "ORDER BY id DESC LIMIT 1", java.sql.Timestamp.class)).isNotNull();
        mvc.perform(get("/api/v1/customers/{code}/tier", customer.getCode()).header(HttpHeaders.AUTHORIZATION,
                "Bearer " + token)).andExpect(status().isOk()).andExpect(jsonPath("$.code").value(customer.getCode()));
        mvc.perform(get("/api/v1/customers/NO-SUCH/tier").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("No customer has this code."));
        // what the codes mean: the tiers in force, top first, with their names
        mvc.perform(get("/api/v1/tiers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.tiers[0].code").value("A"))
                .andExpect(jsonPath("$.tiers[0].nameZh").value("A 类"))
                .andExpect(jsonPath("$.tiers[2].nameEn").value("C"));
    }

    @Test
    void a_bad_batch_answers_400_with_every_problem_by_field_and_writes_nothing() throws Exception {
        push("""
                {"orders": [
                  {"customerCode": "%s", "orderNo": "OK-1", "orderDate": "2026-03-01", "amount": "10"},
                  {"customerCode": "NOPE", "orderNo": "X-1", "orderDate": "2026-13-01", "amount": "-5x"}
                ]}""".formatted(customer.getCode()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value("3 problems; nothing was written."))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'customerCode')].index").value(1))
                .andExpect(jsonPath("$.errors[?(@.field == 'orderDate')].reason").value("BAD_DATE"))
                .andExpect(jsonPath("$.errors[?(@.field == 'amount')].message")
                        .value("Not an amount with at most two decimals."));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sales_order WHERE customer_id = ?", Integer.class,
                customer.getId())).isZero();
        push("{\"orders\": [").andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].reason").value("MALFORMED_JSON"));
    }

    @Test
    void credit_notes_product_lines_and_margins_are_pushed_as_files_import_them_and_twice_changes_nothing()
            throws Exception {
        String line = Fixtures.unique("ERP-LINE");
        String orders = """
                {"orders": [
                  {"customerCode": "%1$s", "orderNo": "SO-7", "orderDate": "2026-03-01", "amount": "1,000.00",
                   "productLine": "%2$s", "cost": "700"},
                  {"customerCode": "%1$s", "orderNo": "CN-7", "orderDate": "2026-03-05", "amount": "-250.00",
                   "refersTo": "SO-7", "margin": "-75.00"},
                  {"customerCode": "%1$s", "orderNo": "ZERO-7", "orderDate": "2026-03-06", "amount": "0.00"}
                ]}""".formatted(customer.getCode(), line);
        push(orders).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3));
        push(orders).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));

        // SO-7: margin 1000 - 700; CN-7 takes SO-7's product line, its margin as sent
        assertThat(jdbc.queryForList("""
                SELECT o.order_no || ':' || COALESCE(p.code, '-') || ':' || COALESCE(o.refers_to, '-') || ':'
                    || COALESCE(CAST(o.margin AS VARCHAR(30)), '-')
                FROM sales_order o LEFT JOIN product_line p ON p.id = o.product_line_id
                WHERE o.customer_id = ? ORDER BY o.order_no""", String.class, customer.getId()))
                .containsExactly("CN-7:" + line + ":SO-7:-75.00", "SO-7:" + line + ":-:300.00", "ZERO-7:-:-:-");
        assertThat(jdbc.queryForObject("SELECT created_by FROM product_line WHERE code = ?", String.class, line))
                .isEqualTo("api:金蝶 ERP");
    }

    @Test
    void every_problem_of_a_credit_note_product_line_or_margin_answers_400_by_field_and_nothing_is_written()
            throws Exception {
        push("""
                {"orders": [{"customerCode": "%s", "orderNo": "ERP-O", "orderDate": "2026-03-01", "amount": "40"}]}"""
                .formatted(customer.getCode())).andExpect(status().isOk());
        int productLines = jdbc.queryForObject("SELECT COUNT(*) FROM product_line", Integer.class);
        jdbc.update("UPDATE sales_setting SET create_product_lines = FALSE");
        try {
            push("""
                    {"orders": [
                      {"customerCode": "%1$s", "orderNo": "E-0", "orderDate": "2026-03-02", "amount": "10", "refersTo": "ERP-O"},
                      {"customerCode": "%1$s", "orderNo": "E-1", "orderDate": "2026-03-02", "amount": "-10", "refersTo": "NO-SUCH"},
                      {"customerCode": "%1$s", "orderNo": "E-2", "orderDate": "2026-03-02", "amount": "-50", "refersTo": "ERP-O"},
                      {"customerCode": "%1$s", "orderNo": "E-3", "orderDate": "2026-03-02", "amount": "10", "productLine": "NOT-THERE"},
                      {"customerCode": "%1$s", "orderNo": "E-4", "orderDate": "2026-03-02", "amount": "10", "cost": "-1"},
                      {"customerCode": "%1$s", "orderNo": "E-5", "orderDate": "2026-03-02", "amount": "10", "margin": "20"},
                      {"customerCode": "%1$s", "orderNo": "E-6", "orderDate": "2026-03-02", "amount": "10", "cost": "3", "margin": "5"},
                      {"customerCode": "%1$s", "orderNo": "E-7", "orderDate": "2026-03-02", "amount": "10", "productLine": "A\\tB"},
                      {"customerCode": "%1$s", "orderNo": "E-8", "orderDate": "2026-03-02", "amount": "10"},
                      {"customerCode": "%1$s", "orderNo": "E-8", "orderDate": "2026-03-03", "amount": "12"}
                    ]}""".formatted(customer.getCode()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.length()").value(9))
                    .andExpect(jsonPath("$.errors[0].index").value(0))
                    .andExpect(jsonPath("$.errors[0].field").value("refersTo"))
                    .andExpect(jsonPath("$.errors[0].reason").value("REFERS_TO_ON_SALE"))
                    .andExpect(jsonPath("$.errors[1].reason").value("UNKNOWN_ORDER"))
                    .andExpect(jsonPath("$.errors[2].reason").value("CREDIT_EXCEEDS_ORDER"))
                    .andExpect(jsonPath("$.errors[2].message").value(
                            "With the other credit notes and returns for this order, more than the order amount of 40.00."))
                    .andExpect(jsonPath("$.errors[3].field").value("productLine"))
                    .andExpect(jsonPath("$.errors[3].reason").value("UNKNOWN_PRODUCT_LINE"))
                    .andExpect(jsonPath("$.errors[4].field").value("cost"))
                    .andExpect(jsonPath("$.errors[4].reason").value("NEGATIVE_COST"))
                    .andExpect(jsonPath("$.errors[5].field").value("margin"))
                    .andExpect(jsonPath("$.errors[5].reason").value("MARGIN_EXCEEDS_AMOUNT"))
                    .andExpect(jsonPath("$.errors[6].reason").value("MARGIN_MISMATCH"))
                    .andExpect(jsonPath("$.errors[6].message").value(
                            "Does not match amount and cost, which give a margin of 7.00."))
                    .andExpect(jsonPath("$.errors[7].field").value("productLine"))
                    .andExpect(jsonPath("$.errors[7].reason").value("CONTROL_CHARACTER"))
                    .andExpect(jsonPath("$.errors[8].index").value(9))
                    .andExpect(jsonPath("$.errors[8].reason").value("DUPLICATE_ORDER"));
        } finally {
            jdbc.update("UPDATE sales_setting SET create_product_lines = TRUE");
        }
        assertThat(jdbc.queryForList("SELECT order_no FROM sales_order WHERE customer_id = ?", String.class,
                customer.getId())).containsExactly("ERP-O");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM product_line", Integer.class)).isEqualTo(productLines);
        // the refused batch is on the sales import page, with its problems
        assertThat(jdbc.queryForMap("""
                SELECT status, rows_read, bad_lines FROM data_import WHERE file_name = 'API' AND started_by = ?
                ORDER BY id DESC LIMIT 1""", "api:金蝶 ERP"))
                .containsEntry("status", "REJECTED").containsEntry("rows_read", 10L).containsEntry("bad_lines", 9L);
    }

    @Test
    void no_token_a_wrong_token_and_a_revoked_token_answer_401() throws Exception {
        String body = "{\"orders\": []}";
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("A valid API token is required: Authorization: Bearer crm_…"));
        mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(body)
                .header(HttpHeaders.AUTHORIZATION, "Bearer crm_not-a-token")).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

        long id = jdbc.queryForObject("SELECT id FROM api_token WHERE token_prefix = ?", Long.class,
                token.substring(0, 12));
        mvc.perform(post("/admin/api-tokens/{id}/revoke", id).with(user(Fixtures.principal(admin))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/customers/tiers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void only_admins_manage_tokens() throws Exception {
        for (Role role : new Role[] {Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR}) {
            mvc.perform(get("/admin/api-tokens").with(user(Fixtures.principal(fixtures.user(role)))))
                    .andExpect(status().isForbidden());
        }
        String page = mvc.perform(get("/admin/api-tokens").with(user(Fixtures.principal(admin)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("金蝶 ERP", token.substring(0, 12)).doesNotContain(token);
    }

    private ResultActions push(String json) throws Exception {
        return mvc.perform(post("/api/v1/orders").contentType(MediaType.APPLICATION_JSON).content(json)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}

package com.keyaccount.crm.productline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The admin's product line page: each line the ERP sent with its use in the last 12 months, its
 * name (checked beside the field, typed text kept, audited) and the switch for creating new lines
 * on import (audited).
 */
@FullStackTest
class ProductLinesAdminTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private AppUser admin;
    private Customer alpha;
    private Customer beta;
    private String pumps;
    private String valves;

    ProductLinesAdminTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void book() throws Exception {
        admin = fixtures.user(Role.ADMIN);
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        alpha = fixtures.customer(manager, Fixtures.unique("产品线甲"));
        beta = fixtures.customer(manager, Fixtures.unique("产品线乙"));
        pumps = Fixtures.unique("PL-PUMPS");
        valves = Fixtures.unique("PL-VALVES");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // pumps: 3 lines of 2 customers in the window, 1 line 13 months ago; valves: 1 line
        String file = "customer_code,order_no,order_date,amount,product_line\n"
                + alpha.getCode() + ",P-1," + today.minusDays(3) + ",100," + pumps + "\n"
                + alpha.getCode() + ",P-2," + today.minusMonths(2) + ",100," + pumps + "\n"
                + beta.getCode() + ",P-3," + today.minusDays(1) + ",100," + pumps + "\n"
                + beta.getCode() + ",P-4," + today.minusMonths(13) + ",100," + pumps + "\n"
                + beta.getCode() + ",P-4," + today.minusDays(5) + ",50," + valves + "\n";
        assertThat(Imports.upload(mvc, jdbc, admin, "sales", file.getBytes(StandardCharsets.UTF_8)))
                .contains("All 5 lines imported.");
    }

    @AfterEach
    void removeOrders() throws Exception {
        Recomputes.awaitIdle(recompute);
        for (Customer customer : List.of(alpha, beta)) {
            jdbc.update("DELETE FROM sales_order WHERE customer_id = ?", customer.getId());
        }
        jdbc.update("DELETE FROM product_line WHERE code LIKE 'PL-PUMPS-%' OR code LIKE 'PL-VALVES-%'");
        jdbc.update("UPDATE sales_setting SET create_product_lines = TRUE");
        Imports.forget(jdbc, admin.getUsername());
    }

    @Test
    void the_page_lists_each_line_with_its_lines_and_customers_of_the_last_twelve_months() throws Exception {
        String page = page("en");
        String row = row(page, pumps);
        assertThat(row).contains(">3<", ">2<", admin.getUsername());
        assertThat(row(page, valves)).contains(">1<");
        assertThat(page).contains("On: an import that meets a product line code it does not know creates");
        assertThat(page("zh-CN")).contains("产品线", "近 12 个月");
        assertThat(mvc.perform(get("/admin").with(user(Fixtures.principal(admin))))
                .andReturn().getResponse().getContentAsString()).contains("href=\"/admin/product-lines\"");
    }

    @Test
    void a_name_is_saved_and_audited_and_an_empty_name_shows_the_code_again() throws Exception {
        long id = idOf(pumps);
        rename(id, "  工业泵  ").andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/product-lines"))
                .andExpect(flash().attribute("flash", "flash.productline.renamed"));
        assertThat(jdbc.queryForObject("SELECT name FROM product_line WHERE id = ?", String.class, id)).isEqualTo("工业泵");
        assertThat(row(page("en"), pumps)).contains("value=\"工业泵\"");
        // the customer page's recent orders show the name
        String customerPage = mvc.perform(get("/customers/{id}", alpha.getId()).with(user(Fixtures.principal(admin))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(customerPage.substring(customerPage.indexOf("id=\"recent-orders\""))).contains("工业泵");

        rename(id, " ").andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("SELECT name FROM product_line WHERE id = ?", String.class, id)).isNull();

        assertThat(jdbc.queryForList("""
                SELECT COALESCE(old_value, '-') || ' > ' || COALESCE(new_value, '-') FROM audit_event
                WHERE entity_type = 'ProductLine' AND entity_id = ? AND field = 'name' AND actor = ? ORDER BY id""",
                String.class, id, admin.getUsername())).containsExactly("- > 工业泵", "工业泵 > -");
    }

    @Test
    void a_bad_name_is_explained_beside_its_field_keeps_what_was_typed_and_changes_nothing() throws Exception {
        long id = idOf(pumps);
        rename(idOf(valves), "阀门").andExpect(status().is3xxRedirection());
        long audited = audited();

        Map<String, String> bad = Map.of("x".repeat(101), "At most 100 characters.",
                "阀门", "Another product line already has this name.",
                "泵\u0000", "Contains a control character");
        for (Map.Entry<String, String> attempt : bad.entrySet()) {
            String page = rename(id, attempt.getKey()).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String row = row(page, pumps);
            assertThat(row).contains(attempt.getValue(), "invalid");
            if (!attempt.getKey().contains("\u0000")) {
                assertThat(row).contains("value=\"" + attempt.getKey() + "\"");
            }
            assertThat(row(page, valves)).doesNotContain("field-error");
        }
        assertThat(jdbc.queryForObject("SELECT name FROM product_line WHERE id = ?", String.class, id)).isNull();
        assertThat(audited()).isEqualTo(audited);
    }

    @Test
    void switching_automatic_creation_off_and_on_is_audited_and_the_page_says_which_is_in_force() throws Exception {
        mvc.perform(post("/admin/product-lines/setting").param("createOnImport", "false").with(csrf())
                        .with(user(Fixtures.principal(admin))))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "flash.productline.settingChanged"));
        assertThat(page("en")).contains("Off: an import refuses a line with an unknown product line code");
        mvc.perform(post("/admin/product-lines/setting").param("createOnImport", "true").with(csrf())
                .with(user(Fixtures.principal(admin)))).andExpect(status().is3xxRedirection());
        assertThat(page("en")).contains("On: an import that meets a product line code");

        assertThat(jdbc.queryForList("""
                SELECT old_value || ' > ' || new_value FROM audit_event
                WHERE entity_type = 'SalesSetting' AND field = 'createProductLines' AND actor = ? ORDER BY id""",
                String.class, admin.getUsername())).containsExactly("true > false", "false > true");
    }

    @Test
    void directors_and_managers_may_not_open_or_change_it() throws Exception {
        for (Role role : new Role[] {Role.SALES_DIRECTOR, Role.ACCOUNT_MANAGER}) {
            AppUser other = fixtures.user(role);
            mvc.perform(get("/admin/product-lines").with(user(Fixtures.principal(other))))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/product-lines/{id}/name", idOf(pumps)).param("name", "x").with(csrf())
                    .with(user(Fixtures.principal(other)))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("SELECT name FROM product_line WHERE code = ?", String.class, pumps)).isNull();
    }

    private org.springframework.test.web.servlet.ResultActions rename(long id, String name) throws Exception {
        return mvc.perform(post("/admin/product-lines/{id}/name", id).param("name", name).with(csrf())
                .with(user(Fixtures.principal(admin))).header(HttpHeaders.ACCEPT_LANGUAGE, "en"));
    }

    private String page(String language) throws Exception {
        return mvc.perform(get("/admin/product-lines").with(user(Fixtures.principal(admin)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of one product line. */
    private static String row(String page, String code) {
        int at = page.indexOf(">" + code + "<");
        assertThat(at).as(code + " on the page").isPositive();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    private long idOf(String code) {
        return jdbc.queryForObject("SELECT id FROM product_line WHERE code = ?", Long.class, code);
    }

    private long audited() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'ProductLine'", Long.class);
    }
}

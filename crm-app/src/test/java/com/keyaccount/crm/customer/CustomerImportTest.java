package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Customer lists from Excel: created and updated by code, audited, all or nothing. */
@FullStackTest
class CustomerImportTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private AppUser director;
    private AppUser zhang;
    private AppUser li;

    private final TierRecompute recompute;

    CustomerImportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    /** New customers start a recompute; the next test class must not meet it running. */
    @AfterEach
    void awaitRecompute() throws Exception {
        Recomputes.awaitIdle(recompute);
    }

    @BeforeEach
    void people() {
        director = fixtures.user(Role.SALES_DIRECTOR);
        zhang = fixtures.user(Role.ACCOUNT_MANAGER);
        li = fixtures.user(Role.ACCOUNT_MANAGER);
    }

    @Test
    void a_gb18030_file_with_chinese_labels_creates_customers_scheduled_and_audited() throws Exception {
        String a = Fixtures.unique("C");
        String b = Fixtures.unique("C");
        String file = "code,name,industry,region,owner,phone,address,status\r\n"
                + a + ",华东精密机械有限公司,制造业,华东," + zhang.getUsername() + ",021-5555,\"上海市, \"\"浦东\"\" 新区\n2号楼\",合作中\r\n"
                + b + ",Northern Foods,WHOLESALE_RETAIL,north," + zhang.getUsername() + ",,,\r\n";
        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(Charset.forName("GB18030")));

        assertThat(page).contains("All 2 lines imported.", "GB18030", "New customers", "Customers updated")
                .as("a customer file's result speaks of customers").doesNotContainIgnoringCase("orders");
        assertThat(Imports.field(page, "created")).isEqualTo("2");
        assertThat(customer(a)).containsEntry("name", "华东精密机械有限公司").containsEntry("industry", "MANUFACTURING")
                .containsEntry("region", "EAST").containsEntry("status", "ACTIVE")
                .containsEntry("address", "上海市, \"浦东\" 新区\n2号楼").containsEntry("owner_id", zhang.getId());
        assertThat(customer(b)).containsEntry("region", "NORTH").containsEntry("status", "ACTIVE")
                .containsEntry("phone", null);
        long id = ((Number) customer(a).get("id")).longValue();
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE customer_id = ?", String.class, id))
                .containsExactly("CREATE");
        assertThat(jdbc.queryForObject("SELECT owner_id FROM follow_up WHERE customer_id = ?", Long.class, id))
                .isEqualTo(zhang.getId());
        Recomputes.awaitIdle(recompute);
        assertThat(jdbc.queryForObject("SELECT effective_tier FROM customer_tier WHERE customer_id = ?", String.class,
                id)).as("classified straight after the import").isEqualTo("C");
    }

    /** Excel's "Unicode text": UTF-16 little endian with a byte order mark, tab separated. */
    @Test
    void a_unicode_text_file_from_excel_in_utf16_with_bom_and_tabs_creates_customers() throws Exception {
        String code = Fixtures.unique("C");
        String file = "\uFEFFcode\tname\tindustry\tregion\towner\tphone\taddress\tstatus\r\n"
                + code + "\t华南电子有限公司\t制造业\t华南\t" + zhang.getUsername() + "\t020-8888\t广州市天河区\t合作中\r\n";
        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_16LE));

        assertThat(page).contains("All 1 lines imported.", "UTF-16LE");
        assertThat(customer(code)).containsEntry("name", "华南电子有限公司").containsEntry("industry", "MANUFACTURING")
                .containsEntry("region", "SOUTH").containsEntry("address", "广州市天河区")
                .containsEntry("owner_id", zhang.getId());
    }

    @Test
    void an_existing_code_is_updated_field_by_field_and_columns_left_out_keep_their_values() throws Exception {
        var existing = fixtures.customer(zhang, Fixtures.unique("旧名称"));
        String file = "code,name,industry,region,owner\n"
                + existing.getCode() + ",新名称有限公司,IT,SOUTH," + li.getUsername() + "\n";
        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(Imports.field(page, "updated")).isEqualTo("1");
        Map<String, Object> row = customer(existing.getCode());
        assertThat(row).containsEntry("name", "新名称有限公司").containsEntry("industry", "IT")
                .containsEntry("owner_id", li.getId()).containsEntry("phone", "021-12345678").containsEntry("address", "上海市");
        assertThat(((Number) row.get("version")).longValue()).isGreaterThan(existing.getVersion());
        assertThat(jdbc.queryForList("""
                SELECT field || ':' || old_value || '>' || new_value FROM audit_event
                WHERE customer_id = ? AND action = 'UPDATE' ORDER BY field""", String.class, existing.getId()))
                .containsExactly("industry:MANUFACTURING>IT", "name:" + existing.getName() + ">新名称有限公司",
                        "owner:" + zhang.getUsername() + ">" + li.getUsername(), "region:EAST>SOUTH");
        assertThat(jdbc.queryForObject("SELECT owner_id FROM follow_up WHERE customer_id = ?", Long.class,
                existing.getId())).as("the new owner's My day").isEqualTo(li.getId());
        mvc.perform(get("/customers/{id}", existing.getId()).with(user(Fixtures.principal(zhang))))
                .andExpect(status().isNotFound());

        String again = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));
        assertThat(Imports.field(again, "unchanged")).isEqualTo("1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE customer_id = ?", Integer.class,
                existing.getId())).as("nothing new to audit").isEqualTo(4);
    }

    /** The result links to what the file did: each customer a line created or changed; unchanged ones are not listed. */
    @Test
    void the_result_links_to_the_customers_the_file_created_or_changed() throws Exception {
        var renamed = fixtures.customer(zhang, Fixtures.unique("改名前"));
        var same = fixtures.customer(zhang, Fixtures.unique("不变"));
        String fresh = Fixtures.unique("C");
        String freshName = Fixtures.unique("新客户");
        String newName = Fixtures.unique("改名后");
        String file = "code,name,industry,region,owner\n"
                + fresh + "," + freshName + ",IT,EAST," + zhang.getUsername() + "\n"                              // 2
                + renamed.getCode() + "," + newName + ",MANUFACTURING,EAST," + zhang.getUsername() + "\n"         // 3
                + same.getCode() + "," + same.getName() + ",MANUFACTURING,EAST," + zhang.getUsername() + "\n";    // 4

        Document page = Jsoup.parse(Imports.upload(mvc, jdbc, director, "customers",
                file.getBytes(StandardCharsets.UTF_8), "zh-CN"));

        Elements rows = page.select("#imported-customers tbody tr");
        assertThat(rows.eachText()).hasSize(2);
        assertThat(rows.get(0).text()).contains("2", freshName, fresh, "新增");
        assertThat(rows.get(0).select("a").attr("href")).isEqualTo("/customers/" + customer(fresh).get("id"));
        assertThat(rows.get(1).text()).contains("3", newName, renamed.getCode(), "更新");
        assertThat(rows.get(1).select("a").attr("href")).isEqualTo("/customers/" + renamed.getId());
        assertThat(page.getElementById("imported-customers").text()).doesNotContain(same.getCode());
    }

    /** A big file lists its first 50 customers by line and says how many there are in all. */
    @Test
    void a_big_file_lists_its_first_fifty_customers_and_says_how_many_there_are() throws Exception {
        StringBuilder file = new StringBuilder("code,name,industry,region,owner\n");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 55; i++) {
            codes.add(Fixtures.unique("C"));
            file.append(codes.get(i)).append(',').append(Fixtures.unique("批量客户")).append(",IT,EAST,")
                    .append(zhang.getUsername()).append('\n');
        }

        Document page = Jsoup.parse(Imports.upload(mvc, jdbc, director, "customers",
                file.toString().getBytes(StandardCharsets.UTF_8)));

        Element listed = page.getElementById("imported-customers");
        assertThat(listed.select("tbody tr")).hasSize(50);
        assertThat(listed.text()).contains("The first 50 by line, of 55.", codes.get(0), codes.get(49))
                .doesNotContain(codes.get(50));
    }

    /**
     * A new customer named like another (spaces and letter case aside), in the book or on another
     * line of the file, is imported all the same, and the result names every customer of that
     * name with a link, as the customer form's warning does.
     */
    @Test
    void a_new_customer_named_like_another_is_imported_and_its_namesakes_are_named_with_links() throws Exception {
        String name = Fixtures.unique("Jiahe Agritech");
        var existing = fixtures.customer(li, name);
        String twin = Fixtures.unique("南京嘉禾农业科技");
        String[] codes = {Fixtures.unique("C"), Fixtures.unique("C"), Fixtures.unique("C"), Fixtures.unique("C")};
        String single = Fixtures.unique("独一家");
        String file = "code,name,industry,region,owner\n"
                + codes[0] + "," + name.toUpperCase(java.util.Locale.ROOT).replace(" ", "  ") + ",IT,EAST,"
                + zhang.getUsername() + "\n"                                                                       // 2
                + codes[1] + "," + twin + ",IT,EAST," + zhang.getUsername() + "\n"                                 // 3
                + codes[2] + "," + twin.replace("农业", "农 业") + ",IT,EAST," + zhang.getUsername() + "\n"         // 4
                + codes[3] + "," + single + ",IT,EAST," + zhang.getUsername() + "\n";                              // 5

        String english = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));
        assertThat(english).contains("All 4 lines imported.");
        assertThat(Imports.field(english, "created")).isEqualTo("4");
        Element warning = Jsoup.parse(english).getElementById("same-names");
        assertThat(warning.select("a").eachAttr("href")).containsExactlyInAnyOrder(
                "/customers/" + existing.getId(), "/customers/" + customer(codes[0]).get("id"),
                "/customers/" + customer(codes[1]).get("id"), "/customers/" + customer(codes[2]).get("id"));
        assertThat(warning.text()).contains(name + " (" + existing.getCode() + ")", "account manager: "
                + li.getDisplayName(), "created by line 2", "created by line 3", "created by line 4")
                .doesNotContain(single, "line 5");
    }

    @Test
    void every_bad_line_is_reported_and_nothing_is_written() throws Exception {
        var kept = fixtures.customer(zhang, Fixtures.unique("保留"));
        var deleted = fixtures.customer(zhang, Fixtures.unique("已删"));
        jdbc.update("UPDATE customer SET deleted = TRUE WHERE id = ?", deleted.getId());
        Map<String, Object> before = checksum();
        String fresh = Fixtures.unique("C");
        String file = "code,name,industry,region,owner,status,lost_reason\n"
                + fresh + ",新客户,IT,EAST," + zhang.getUsername() + ",,\n"                  // 2: fine
                + kept.getCode() + ",改名,IT,EAST,nobody,,\n"                                // 3: unknown owner
                + Fixtures.unique("C") + ",某公司,矿业,EAST," + zhang.getUsername() + ",,\n"   // 4: unknown industry
                + fresh + ",重复,IT,EAST," + zhang.getUsername() + ",,\n"                    // 5: repeats line 2
                + Fixtures.unique("C") + ",流失客户,IT,EAST," + zhang.getUsername() + ",流失,\n" // 6: lost, no reason
                + deleted.getCode() + ",复活,IT,EAST," + zhang.getUsername() + ",,\n"        // 7: deleted customer
                + Fixtures.unique("C") + ",,IT,EAST," + li.getUsername() + ",,\n";           // 8: no name
        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("6 of 7 lines are bad.", "No active account manager has this login.",
                "Not one of the allowed values.", "矿业", "The same code is already on line 2.",
                "A lost customer needs a reason.", "This code belongs to a deleted customer.",
                "Required; the cell is empty.");
        assertThat(checksum()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE code = ?", Integer.class, fresh)).isZero();
    }

    @Test
    void a_nul_or_other_control_character_in_a_cell_is_a_line_error_and_nothing_is_written() throws Exception {
        String fresh = Fixtures.unique("C");
        String file = "code,name,industry,region,owner,phone,address\n"
                + fresh + ",新客户,IT,EAST," + zhang.getUsername() + ",,\n"                          // 2: fine
                + Fixtures.unique("C") + ",空\u0000字符,IT,EAST," + zhang.getUsername() + ",,\n"    // 3: NUL
                + Fixtures.unique("C") + ",响铃,IT,EAST," + zhang.getUsername() + ",,上海\u0007\n"; // 4: BEL
        String page = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(page).contains("2 of 3 lines are bad.", "Contains a control character", "空␀字符", "上海␇");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE code = ?", Integer.class, fresh)).isZero();
    }

    @Test
    void account_managers_cannot_import_customers() throws Exception {
        mvc.perform(get("/imports/customers").with(user(Fixtures.principal(zhang)))).andExpect(status().isForbidden());
    }

    private Map<String, Object> customer(String code) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT id, name, industry, region, status, phone, address, owner_id, version FROM customer
                WHERE code = ?""", code);
        assertThat(rows).hasSize(1);
        return rows.get(0).entrySet().stream().collect(java.util.HashMap::new,
                (m, e) -> m.put(e.getKey().toLowerCase(), e.getValue() instanceof Number n && !e.getKey()
                        .equalsIgnoreCase("version") ? Long.valueOf(n.longValue()) : e.getValue()), Map::putAll);
    }

    private Map<String, Object> checksum() {
        return jdbc.queryForMap("SELECT COUNT(*) AS n, MAX(id) AS last_id, SUM(version) AS versions, "
                + "(SELECT COUNT(*) FROM audit_event) AS audits FROM customer");
    }
}

package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Imports;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Province and city as fields of the national list: the form, the list, the audit log, imports and exports. */
@FullStackTest
class CustomerPlaceTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private AppUser manager;
    private AppUser director;

    CustomerPlaceTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
    }

    @BeforeEach
    void people() {
        manager = fixtures.user(Role.ACCOUNT_MANAGER);
        director = fixtures.user(Role.SALES_DIRECTOR);
    }

    @AfterEach
    void awaitRecompute() throws Exception {
        Recomputes.awaitIdle(recompute);
    }

    @Test
    void a_customer_placed_in_a_city_gets_its_provinces_region_and_is_found_by_province_and_city() throws Exception {
        String code = Fixtures.unique("P");
        String location = mvc.perform(create(code, "苏州恒通精密").param("province", "320000").param("city", "320500"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(row(code)).containsEntry("province_code", "320000").containsEntry("city_code", "320500")
                .containsEntry("region", "EAST");
        Document page = Jsoup.parse(page(location, "zh-CN"));
        assertThat(page.select("dt:contains(省市) + dd").text()).isEqualTo("江苏省 苏州市");
        assertThat(Jsoup.parse(page(location, "en")).select("dt:contains(Province and city) + dd").text())
                .isEqualTo("Suzhou, Jiangsu");

        Document filtered = Jsoup.parse(page("/customers?province=320000&city=320500", "zh-CN"));
        assertThat(filtered.text()).contains("苏州恒通精密");
        assertThat(filtered.select("#province option[selected]").text() + "/"
                + filtered.select("#city option[selected]").text()).as("the filter shows what it filters by")
                .isEqualTo("江苏省/苏州市");
        assertThat(page("/customers?province=320000&city=320100", "zh-CN")).as("Nanjing").doesNotContain("苏州恒通精密");
        assertThat(page("/customers?province=330000", "zh-CN")).as("Zhejiang").doesNotContain("苏州恒通精密");
        assertThat(page("/customers?province=999999&city=320500", "zh-CN")).as("a code off the list filters nothing")
                .contains("苏州恒通精密");
    }

    @Test
    void the_province_and_city_choices_are_named_in_the_readers_language_on_the_form_and_the_list() throws Exception {
        // English first: the choices are made once per language, and Chinese must not get the English ones
        ChinaDivisions divisions = ChinaDivisions.get();
        for (String language : List.of("en", "zh-CN", "en")) {
            boolean english = language.equals("en");
            for (String path : List.of("/customers/new", "/customers")) {
                Document page = Jsoup.parse(page(path, language));
                assertThat(page.select("#province option[value=320000]").text()).as(path + " " + language)
                        .isEqualTo(english ? "Jiangsu" : "江苏省");
                assertThat(page.select("#city optgroup[data-province=320000]").attr("label"))
                        .isEqualTo(english ? "Jiangsu" : "江苏省");
                assertThat(page.select("#city optgroup[data-province=320000] option[value=320500]").text())
                        .isEqualTo(english ? "Suzhou" : "苏州市");
                assertThat(page.select("#province option")).as("every province and the empty choice")
                        .hasSize(divisions.provinces().size() + 1);
                assertThat(page.select("#city optgroup option")).as("every city, by province")
                        .hasSize(divisions.provinces().stream().mapToInt(p -> divisions.citiesOf(p.code()).size()).sum());
            }
        }
    }

    @Test
    void a_city_of_another_province_or_a_code_off_the_list_is_refused_beside_its_field_and_nothing_is_saved()
            throws Exception {
        String code = Fixtures.unique("P");
        Document page = Jsoup.parse(mvc.perform(create(code, "错位客户").param("province", "330000").param("city", "320500")
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#city ~ .field-error").text()).isEqualTo("不是浙江省的城市。");
        assertThat(page.select("#province option[selected]").text()).as("what was chosen is kept").isEqualTo("浙江省");
        assertThat(page.select("#city option[selected]").text()).isEqualTo("苏州市");

        Document tampered = Jsoup.parse(mvc.perform(create(code, "错位客户").param("province", "999999")
                .header("Accept-Language", "zh-CN")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(tampered.select("#province ~ .field-error").text()).isEqualTo("不在全国省市列表中。");

        Document noRegion = Jsoup.parse(mvc.perform(create(code, "无区域客户").param("address", "工业园区 8 号")
                .header("Accept-Language", "en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(noRegion.select("#region ~ .field-error").text())
                .isEqualTo("Choose a region, or a province to draw it from.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE code = ?", Integer.class, code)).isZero();
    }

    @Test
    void without_a_place_the_address_gives_one_and_a_change_of_city_is_audited_by_name() throws Exception {
        String code = Fixtures.unique("P");
        String location = mvc.perform(create(code, "杭州望湖贸易").param("region", "EAST")
                        .param("address", "浙江省杭州市西湖区文三路 90 号"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(row(code)).containsEntry("province_code", "330000").containsEntry("city_code", "330100");

        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/customers/{id}", id).with(csrf()).with(user(Fixtures.principal(manager)))
                        .param("code", code).param("name", "杭州望湖贸易").param("industry", "MANUFACTURING")
                        .param("region", "EAST").param("status", "ACTIVE").param("province", "330000")
                        .param("city", "330200").param("address", "浙江省杭州市西湖区文三路 90 号")
                        .param("version", String.valueOf(((Number) row(code).get("version")).longValue())))
                .andExpect(status().is3xxRedirection());
        assertThat(row(code)).as("a city chosen stands against the address").containsEntry("city_code", "330200");

        mvc.perform(post("/customers/{id}", id).with(csrf()).with(user(Fixtures.principal(manager)))
                        .param("code", code).param("name", "杭州望湖贸易").param("industry", "MANUFACTURING")
                        .param("region", "EAST").param("status", "ACTIVE").param("province", "330000")
                        .param("city", "330200").param("address", "江苏省南京市鼓楼区中山北路 8 号")
                        .param("version", String.valueOf(((Number) row(code).get("version")).longValue())))
                .andExpect(status().is3xxRedirection());
        assertThat(row(code)).as("a new address with the place left as it was: the place follows the address")
                .containsEntry("province_code", "320000").containsEntry("city_code", "320100");

        String audit = mvc.perform(get("/audit").param("customer", code).with(user(Fixtures.principal(director)))
                .header("Accept-Language", "zh-CN")).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(audit).select("tr:contains(城市)").text()).contains("杭州市", "宁波市", "南京市")
                .doesNotContain("330100");
    }

    @Test
    void an_import_reads_province_and_city_by_name_and_draws_the_region_from_the_province() throws Exception {
        String suzhou = Fixtures.unique("P");
        String nanning = Fixtures.unique("P");
        String file = "code,name,industry,region,owner,address,province,city\n"
                + suzhou + ",苏州导入客户,IT,," + manager.getUsername() + ",,江苏,苏州\n"
                + nanning + ",南宁导入客户,IT,EAST," + manager.getUsername() + ",,Guangxi,Nanning\n";
        String result = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(Imports.field(result, "created")).isEqualTo("2");
        assertThat(row(suzhou)).containsEntry("province_code", "320000").containsEntry("city_code", "320500")
                .containsEntry("region", "EAST");
        assertThat(row(nanning)).as("a region given stands").containsEntry("city_code", "450100")
                .containsEntry("region", "EAST");

        String export = mvc.perform(get("/customers/export.csv").param("q", "导入客户")
                .with(user(Fixtures.principal(director))).header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export.lines().findFirst().orElseThrow()).contains("省份", "城市");
        assertThat(export).contains("江苏省,苏州市", "广西壮族自治区,南宁市").doesNotContain("320500");
    }

    @Test
    void an_import_refuses_a_city_of_another_province_and_an_unknown_province_and_writes_nothing() throws Exception {
        String code = Fixtures.unique("P");
        String file = "code,name,industry,region,owner,province,city\n"
                + code + ",错位导入,IT,EAST," + manager.getUsername() + ",浙江,苏州\n"
                + Fixtures.unique("P") + ",未知省份,IT,EAST," + manager.getUsername() + ",江南省,\n";
        String result = Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(result).contains("2 of 2 lines are bad.", "Not a city of 浙江省.", "江南省",
                "Not one of the allowed values.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE code = ?", Integer.class, code)).isZero();
    }

    @Test
    void a_file_of_addresses_places_its_customers_but_keeps_a_place_its_address_does_not_name() throws Exception {
        var placed = fixtures.customer(manager, Fixtures.unique("已定位"));
        jdbc.update("UPDATE customer SET province_code = '440000', city_code = '440300' WHERE id = ?", placed.getId());
        var moved = fixtures.customer(manager, Fixtures.unique("搬迁"));
        String file = "code,name,industry,region,owner,address\n"
                + placed.getCode() + "," + placed.getName() + ",MANUFACTURING,EAST," + manager.getUsername()
                + ",工业园区 8 号\n"
                + moved.getCode() + "," + moved.getName() + ",MANUFACTURING,EAST," + manager.getUsername()
                + ",四川省成都市高新区天府大道 1 号\n";
        Imports.upload(mvc, jdbc, director, "customers", file.getBytes(StandardCharsets.UTF_8));

        assertThat(row(placed.getCode())).containsEntry("province_code", "440000").containsEntry("city_code", "440300");
        assertThat(row(moved.getCode())).containsEntry("province_code", "510000").containsEntry("city_code", "510100");
        assertThat(jdbc.queryForList("SELECT field || ':' || old_value || '>' || new_value FROM audit_event "
                + "WHERE customer_id = ? AND field IN ('province', 'city') ORDER BY field", String.class, moved.getId()))
                .containsExactly("city:310100>510100", "province:310000>510000");
    }

    private MockHttpServletRequestBuilder create(String code, String name) {
        return post("/customers").with(csrf()).with(user(Fixtures.principal(manager)))
                .param("code", code).param("name", name).param("industry", "MANUFACTURING").param("status", "ACTIVE");
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).with(user(Fixtures.principal(manager))).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private Map<String, Object> row(String code) {
        return jdbc.queryForMap("SELECT * FROM customer WHERE code = ?", code);
    }
}

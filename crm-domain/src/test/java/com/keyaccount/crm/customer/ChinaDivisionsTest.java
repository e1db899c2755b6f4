package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChinaDivisionsTest {

    private final ChinaDivisions divisions = ChinaDivisions.get();

    @Test
    void the_list_holds_every_province_level_division_and_its_prefecture_cities() {
        // 23 provinces, 5 autonomous regions, 4 municipalities, 2 special administrative regions
        assertThat(divisions.provinces()).hasSize(34);
        assertThat(divisions.citiesOf("320000")).extracting(Division::name).hasSize(13)
                .startsWith("南京市", "无锡市").contains("苏州市", "宿迁市");
        assertThat(divisions.citiesOf("110000")).extracting(Division::name).containsExactly("北京市");
        assertThat(divisions.citiesOf("999999")).isEmpty();
    }

    @Test
    void a_province_names_its_usual_sales_region() {
        assertThat(divisions.province("320000").region()).isEqualTo(Region.EAST);
        assertThat(divisions.province("440000").region()).isEqualTo(Region.SOUTH);
        assertThat(divisions.province("230000").region()).isEqualTo(Region.NORTHEAST);
        assertThat(divisions.province("650000").region()).isEqualTo(Region.NORTHWEST);
        assertThat(divisions.provinces()).allSatisfy(p -> assertThat(p.region()).isNotNull());
    }

    @Test
    void names_are_shown_in_chinese_or_in_english() {
        assertThat(divisions.province("150000").nameIn(Locale.SIMPLIFIED_CHINESE)).isEqualTo("内蒙古自治区");
        assertThat(divisions.province("150000").nameIn(Locale.ENGLISH)).isEqualTo("Inner Mongolia");
        assertThat(divisions.city("320100").nameIn(Locale.ENGLISH)).isEqualTo("Nanjing");
    }

    @Test
    void a_province_is_found_by_its_name_short_name_english_name_or_code() {
        assertThat(divisions.provinceNamed("江苏省")).map(Division::code).hasValue("320000");
        assertThat(divisions.provinceNamed(" 江苏 ")).map(Division::code).hasValue("320000");
        assertThat(divisions.provinceNamed("jiangsu")).map(Division::code).hasValue("320000");
        assertThat(divisions.provinceNamed("广西")).map(Division::code).hasValue("450000");
        assertThat(divisions.provinceNamed("320000")).map(Division::code).hasValue("320000");
        assertThat(divisions.provinceNamed("江苏州")).isEmpty();
    }

    @Test
    void a_city_name_shared_by_two_cities_needs_its_province() {
        assertThat(divisions.cityNamed("苏州", null)).map(Division::code).hasValue("320500");
        assertThat(divisions.cityNamed("Suzhou", null)).isEmpty();
        assertThat(divisions.cityNamed("Suzhou", "340000")).map(Division::name).hasValue("宿州市");
        assertThat(divisions.cityNamed("南京", "330000")).isEmpty();
    }

    @Test
    void an_address_names_province_and_city_largest_unit_first() {
        assertThat(divisions.placeOf("江苏省南京市鼓楼区中山北路 88 号")).isEqualTo(new Place("320000", "320100"));
        assertThat(divisions.placeOf("江苏南京鼓楼区")).isEqualTo(new Place("320000", "320100"));
        assertThat(divisions.placeOf("广西壮族自治区南宁市青秀区")).isEqualTo(new Place("450000", "450100"));
        assertThat(divisions.placeOf("上海市浦东新区世纪大道 1 号")).isEqualTo(new Place("310000", "310100"));
        assertThat(divisions.placeOf("北京朝阳区建国路 5 号")).isEqualTo(new Place("110000", "110100"));
        assertThat(divisions.placeOf("湖北省仙桃市")).isEqualTo(new Place("420000", "429004"));
    }

    @Test
    void without_a_province_only_a_cities_full_name_counts() {
        assertThat(divisions.placeOf("吉林市船营区")).isEqualTo(new Place("220000", "220200"));
        assertThat(divisions.placeOf("中山市石岐区")).isEqualTo(new Place("440000", "442000"));
        assertThat(divisions.placeOf("中山路 100 号")).isEqualTo(Place.NONE);
        assertThat(divisions.placeOf("工业园区 8 号厂房")).isEqualTo(Place.NONE);
        assertThat(divisions.placeOf(null)).isEqualTo(Place.NONE);
    }

    @Test
    void a_province_without_a_city_it_has_stays_a_province() {
        assertThat(divisions.placeOf("江苏省昆山县")).isEqualTo(new Place("320000", null));
    }
}

package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CityOfAddressTest {

    @Test
    void the_city_comes_after_the_province_and_before_shi() {
        assertThat(CityOfAddress.of("江苏省南京市鼓楼区中山北路 88 号")).isEqualTo("南京");
        assertThat(CityOfAddress.of("广西壮族自治区南宁市青秀区民族大道 100 号")).isEqualTo("南宁");
        assertThat(CityOfAddress.of("内蒙古自治区呼和浩特市赛罕区")).isEqualTo("呼和浩特");
    }

    @Test
    void a_municipality_is_its_own_city_with_or_without_shi() {
        assertThat(CityOfAddress.of("上海市浦东新区世纪大道 1 号")).isEqualTo("上海");
        assertThat(CityOfAddress.of("北京朝阳区建国路 5 号")).isEqualTo("北京");
    }

    @Test
    void a_district_named_shi_zhong_is_not_taken_for_the_city() {
        assertThat(CityOfAddress.of("山东省济南市市中区经四路")).isEqualTo("济南");
    }

    @Test
    void an_address_without_a_city_gives_none() {
        assertThat(CityOfAddress.of(null)).isNull();
        assertThat(CityOfAddress.of("  ")).isNull();
        assertThat(CityOfAddress.of("工业园区 8 号厂房")).isNull();
        assertThat(CityOfAddress.of("江苏省昆山县")).isNull();
    }
}

package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomerPlaceTest {

    @Test
    void a_city_alone_brings_its_province() {
        assertThat(profile(Region.EAST, null, "320500", null).normalised().place())
                .isEqualTo(new Place("320000", "320500"));
    }

    @Test
    void a_city_of_another_province_or_a_code_off_the_list_is_refused() {
        assertThatThrownBy(() -> profile(Region.EAST, "330000", "320500", null).normalised())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> profile(Region.EAST, "329999", null, null).normalised())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_a_place_the_address_gives_one_and_a_province_takes_the_addresses_city() {
        assertThat(profile(Region.EAST, null, null, "浙江省杭州市西湖区").normalised().place())
                .isEqualTo(new Place("330000", "330100"));
        assertThat(profile(Region.EAST, "330000", null, "浙江省宁波市鄞州区").normalised().place())
                .isEqualTo(new Place("330000", "330200"));
        // the address lies elsewhere: what was chosen stands
        assertThat(profile(Region.EAST, "330000", null, "江苏省南京市").normalised().place())
                .isEqualTo(new Place("330000", null));
    }

    @Test
    void without_a_region_the_provinces_is_taken() {
        assertThat(profile(null, "440000", "440300", null).normalised().region()).isEqualTo(Region.SOUTH);
        // a region chosen stands, even where the province usually belongs elsewhere
        assertThat(profile(Region.NORTH, "370000", null, null).normalised().region()).isEqualTo(Region.NORTH);
        assertThatThrownBy(() -> profile(null, null, null, null).normalised()).isInstanceOf(NullPointerException.class);
    }

    private static CustomerProfile profile(Region region, String province, String city, String address) {
        return new CustomerProfile("C-1", "华信机械", Industry.MANUFACTURING, region, null, null, null, null, address,
                CustomerStatus.ACTIVE, null, false, null, null, province, city);
    }
}

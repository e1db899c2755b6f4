package com.keyaccount.crm.checkin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.checkin.rules.GeoPoint;
import org.junit.jupiter.api.Test;

class CoordinatesTextTest {

    @Test
    void coordinates_pasted_from_a_map_in_the_usual_ways_are_read_latitude_first() {
        GeoPoint square = new GeoPoint(31.2304, 121.4737);
        assertThat(CoordinatesText.parse("31.2304, 121.4737").point()).isEqualTo(square);
        assertThat(CoordinatesText.parse(" 31.2304，121.4737 ").point()).isEqualTo(square);
        assertThat(CoordinatesText.parse("31.2304° 121.4737°").point()).isEqualTo(square);
        assertThat(CoordinatesText.parse("31.2304;121.4737").point()).isEqualTo(square);
        assertThat(CoordinatesText.parse("-33.8688, 151.2093").point()).isEqualTo(new GeoPoint(-33.8688, 151.2093));
    }

    @Test
    void the_edges_of_the_ranges_are_positions_one_step_beyond_is_not() {
        assertThat(CoordinatesText.parse("90, 180").point()).isEqualTo(new GeoPoint(90, 180));
        assertThat(CoordinatesText.parse("-90, -180").point()).isEqualTo(new GeoPoint(-90, -180));
        assertThat(CoordinatesText.parse("-90.000001, 120").problem()).isEqualTo("checkin.location.latitudeRange");
        assertThat(CoordinatesText.parse("0, 180.000001").problem()).isEqualTo("checkin.location.longitudeRange");
    }

    @Test
    void a_longitude_written_first_is_recognised_and_what_is_no_pair_of_numbers_is_refused() {
        assertThat(CoordinatesText.parse("121.4737, 31.2304").problem()).isEqualTo("checkin.location.swapped");
        assertThat(CoordinatesText.parse("200, 31").problem()).isEqualTo("checkin.location.latitudeRange");
        assertThat(CoordinatesText.parse("31.2304").problem()).isEqualTo("checkin.location.format");
        assertThat(CoordinatesText.parse("NaN, NaN").problem()).isEqualTo("checkin.location.format");
        assertThat(CoordinatesText.parse("1e3, 5").problem()).isEqualTo("checkin.location.format");
        assertThat(CoordinatesText.parse("  ").problem()).isEqualTo("checkin.location.required");
    }
}

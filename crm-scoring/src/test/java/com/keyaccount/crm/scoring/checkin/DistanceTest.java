package com.keyaccount.crm.scoring.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.keyaccount.crm.checkin.rules.GeoPoint;
import org.junit.jupiter.api.Test;

class DistanceTest {

    /** One degree of a great circle on the earth's mean radius: 6,371,008.8 m × π / 180. */
    private static final double ONE_DEGREE = 6_371_008.8 * Math.PI / 180;

    @Test
    void the_same_place_is_zero_metres_away() {
        GeoPoint here = new GeoPoint(31.2304, 121.4737);
        assertThat(Distance.meters(here, here)).isZero();
    }

    @Test
    void one_degree_along_a_meridian_and_along_the_equator_is_one_degree_of_the_great_circle() {
        assertThat(Distance.meters(new GeoPoint(31, 121), new GeoPoint(32, 121))).isCloseTo(ONE_DEGREE, within(0.001));
        assertThat(Distance.meters(new GeoPoint(0, 10), new GeoPoint(0, 11))).isCloseTo(ONE_DEGREE, within(0.001));
        assertThat(ONE_DEGREE).isCloseTo(111_195.08, within(0.01));
    }

    @Test
    void a_degree_of_longitude_shrinks_with_the_cosine_of_the_latitude() {
        // at 60° north a degree of longitude is half as long: the haversine at small distances tends to it
        double tenthDegree = Distance.meters(new GeoPoint(60, 10), new GeoPoint(60, 10.1));
        assertThat(tenthDegree).isCloseTo(ONE_DEGREE * 0.1 * 0.5, within(0.5));
    }

    @Test
    void shanghai_peoples_square_to_tiananmen_is_about_1067_km_either_way() {
        GeoPoint shanghai = new GeoPoint(31.2304, 121.4737);
        GeoPoint beijing = new GeoPoint(39.9042, 116.4074);
        assertThat(Distance.meters(shanghai, beijing)).isCloseTo(1_067_000, within(2_000.0));
        assertThat(Distance.meters(beijing, shanghai)).isEqualTo(Distance.meters(shanghai, beijing));
    }

    @Test
    void antipodes_are_half_the_circumference_apart_not_nan() {
        assertThat(Distance.meters(new GeoPoint(0, 0), new GeoPoint(0, 180)))
                .isCloseTo(Math.PI * 6_371_008.8, within(0.01));
        assertThat(Distance.meters(new GeoPoint(90, 0), new GeoPoint(-90, 0)))
                .isCloseTo(Math.PI * 6_371_008.8, within(0.01));
    }

    @Test
    void whole_metres_round_half_up() {
        GeoPoint origin = new GeoPoint(31, 121);
        assertThat(Distance.wholeMeters(origin, north(origin, 499.4))).isEqualTo(499);
        assertThat(Distance.wholeMeters(origin, north(origin, 499.6))).isEqualTo(500);
    }

    /** A point {@code meters} due north of {@code from}, on the same meridian. */
    static GeoPoint north(GeoPoint from, double meters) {
        return new GeoPoint(from.latitude() + meters / ONE_DEGREE, from.longitude());
    }
}

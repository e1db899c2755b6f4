package com.keyaccount.crm.scoring.checkin;

import static com.keyaccount.crm.checkin.rules.CheckInVerdict.NOT_FROM_DEVICE;
import static com.keyaccount.crm.checkin.rules.CheckInVerdict.NO_CUSTOMER_LOCATION;
import static com.keyaccount.crm.checkin.rules.CheckInVerdict.TOO_FAR;
import static com.keyaccount.crm.checkin.rules.CheckInVerdict.TOO_IMPRECISE;
import static com.keyaccount.crm.checkin.rules.CheckInVerdict.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.checkin.rules.CheckInLimits;
import com.keyaccount.crm.checkin.rules.GeoPoint;
import com.keyaccount.crm.checkin.rules.Reading;
import com.keyaccount.crm.scoring.checkin.CheckInRule.Judgement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckInRuleTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:30:00Z");
    private static final GeoPoint CUSTOMER = new GeoPoint(31.2304, 121.4737);
    private static final CheckInLimits LIMITS = new CheckInLimits(500, 200);

    @Test
    void exactly_the_distance_limit_away_is_verified_one_metre_more_is_too_far() {
        Judgement atLimit = judge(at(500), 10.0, NOW);
        assertThat(atLimit.verdict()).isEqualTo(VERIFIED);
        assertThat(atLimit.distanceMeters()).isEqualTo(500);

        Judgement beyond = judge(at(501), 10.0, NOW);
        assertThat(beyond.verdict()).isEqualTo(TOO_FAR);
        assertThat(beyond.distanceMeters()).isEqualTo(501);
    }

    @Test
    void the_limit_is_compared_in_whole_metres() {
        assertThat(judge(at(500.4), 10.0, NOW).verdict()).isEqualTo(VERIFIED);
        assertThat(judge(at(500.6), 10.0, NOW).verdict()).isEqualTo(TOO_FAR);
    }

    @Test
    void an_accuracy_radius_of_exactly_the_bound_is_precise_enough_a_tenth_more_is_not() {
        assertThat(judge(at(30), 200.0, NOW).verdict()).isEqualTo(VERIFIED);
        assertThat(judge(at(30), 200.1, NOW).verdict()).isEqualTo(TOO_IMPRECISE);
    }

    @Test
    void an_imprecise_position_is_said_before_a_far_one() {
        assertThat(judge(at(3_000), 800.0, NOW).verdict()).isEqualTo(TOO_IMPRECISE);
    }

    @Test
    void a_position_taken_five_minutes_off_the_servers_time_counts_a_millisecond_more_does_not() {
        Duration five = CheckInRule.CLOCK_TOLERANCE;
        assertThat(five).isEqualTo(Duration.ofMinutes(5));
        assertThat(judge(at(30), 10.0, NOW.minus(five)).verdict()).isEqualTo(VERIFIED);
        assertThat(judge(at(30), 10.0, NOW.plus(five)).verdict()).isEqualTo(VERIFIED);
        assertThat(judge(at(30), 10.0, NOW.minus(five).minusMillis(1)).verdict()).isEqualTo(NOT_FROM_DEVICE);
        assertThat(judge(at(30), 10.0, NOW.plus(five).plusMillis(1)).verdict()).isEqualTo(NOT_FROM_DEVICE);
    }

    @Test
    void a_position_without_the_accuracy_or_time_a_browser_gives_was_typed_and_is_said_first() {
        assertThat(CheckInRule.judge(new Reading(at(30), null, NOW), CUSTOMER, LIMITS, NOW).verdict())
                .isEqualTo(NOT_FROM_DEVICE);
        assertThat(CheckInRule.judge(new Reading(at(30), 10.0, null), CUSTOMER, LIMITS, NOW).verdict())
                .isEqualTo(NOT_FROM_DEVICE);
        // typed and far: what is wrong first is that the phone did not give it
        Judgement typedFar = CheckInRule.judge(new Reading(at(9_000), null, null), CUSTOMER, LIMITS, NOW);
        assertThat(typedFar.verdict()).isEqualTo(NOT_FROM_DEVICE);
        assertThat(typedFar.distanceMeters()).isEqualTo(9_000);
    }

    @Test
    void a_customer_without_a_location_cannot_be_verified_and_has_no_distance() {
        Judgement judged = CheckInRule.judge(new Reading(at(30), 10.0, NOW), null, LIMITS, NOW);
        assertThat(judged.verdict()).isEqualTo(NO_CUSTOMER_LOCATION);
        assertThat(judged.distanceMeters()).isNull();
    }

    @Test
    void the_admins_limits_decide() {
        CheckInLimits strict = new CheckInLimits(100, 20);
        assertThat(CheckInRule.judge(new Reading(at(150), 10.0, NOW), CUSTOMER, strict, NOW).verdict()).isEqualTo(TOO_FAR);
        assertThat(CheckInRule.judge(new Reading(at(50), 25.0, NOW), CUSTOMER, strict, NOW).verdict())
                .isEqualTo(TOO_IMPRECISE);
    }

    private static Judgement judge(GeoPoint position, double accuracy, Instant positionAt) {
        return CheckInRule.judge(new Reading(position, accuracy, positionAt), CUSTOMER, LIMITS, NOW);
    }

    private static GeoPoint at(double metersNorth) {
        return DistanceTest.north(CUSTOMER, metersNorth);
    }
}

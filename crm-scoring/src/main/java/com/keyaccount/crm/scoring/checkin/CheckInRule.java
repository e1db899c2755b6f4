package com.keyaccount.crm.scoring.checkin;

import com.keyaccount.crm.checkin.rules.CheckInLimits;
import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import com.keyaccount.crm.checkin.rules.GeoPoint;
import com.keyaccount.crm.checkin.rules.Reading;
import java.time.Duration;
import java.time.Instant;

/**
 * Judges a position reported at a check-in (or check-out, or a pin taken from the phone) against
 * the customer's location and the admin's limits. In this order: a position without the accuracy
 * and time a browser always gives, or whose time is more than {@link #CLOCK_TOLERANCE} from the
 * server's, was not measured just now by the phone ({@code NOT_FROM_DEVICE}); then no customer
 * location; then an accuracy radius wider than the bound; then a distance beyond the limit. Both
 * limits are inclusive: exactly 500 m with a 500 m limit is verified.
 */
public final class CheckInRule {

    /**
     * How far the phone's time of the position may be from the server's: a fresh position
     * (the page asks for one no older than a minute) plus a phone clock a few minutes off.
     */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private CheckInRule() {
    }

    /**
     * @param customer the customer's location, null when it has none
     * @param now      the server's time of the request
     */
    public static Judgement judge(Reading reading, GeoPoint customer, CheckInLimits limits, Instant now) {
        Integer distance = customer == null ? null : Distance.wholeMeters(reading.position(), customer);
        return new Judgement(verdict(reading, distance, limits, now), distance);
    }

    private static CheckInVerdict verdict(Reading reading, Integer distance, CheckInLimits limits, Instant now) {
        if (!reading.complete() || Duration.between(reading.positionAt(), now).abs().compareTo(CLOCK_TOLERANCE) > 0) {
            return CheckInVerdict.NOT_FROM_DEVICE;
        }
        if (distance == null) {
            return CheckInVerdict.NO_CUSTOMER_LOCATION;
        }
        if (reading.accuracyMeters() > limits.maxAccuracyMeters()) {
            return CheckInVerdict.TOO_IMPRECISE;
        }
        if (distance > limits.maxDistanceMeters()) {
            return CheckInVerdict.TOO_FAR;
        }
        return CheckInVerdict.VERIFIED;
    }

    /** The verdict and the distance in whole metres (null without a customer location). */
    public record Judgement(CheckInVerdict verdict, Integer distanceMeters) {
    }
}

package com.keyaccount.crm.checkin.application;

import com.keyaccount.crm.checkin.CheckIn;
import com.keyaccount.crm.checkin.CheckInEnd;
import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A check-in as pages show it: when, how it was judged and against which limits, and how it
 * ended ({@code ended} null while open; {@code secondsOnSite} only after a check-out).
 */
public record CheckInView(long id, long customerId, Instant inAt, CheckInVerdict verdict, Integer distanceMeters,
        BigDecimal accuracyMeters, int maxDistanceMeters, int maxAccuracyMeters, CheckInEnd ended, Instant outAt,
        CheckInVerdict outVerdict, Integer outDistanceMeters, Integer secondsOnSite) {

    static CheckInView of(CheckIn c) {
        return new CheckInView(c.getId(), c.getCustomer().getId(), c.getInAt(), c.getInVerdict(),
                c.getInDistanceMeters(), c.getInAccuracyMeters(), c.getMaxDistanceMeters(), c.getMaxAccuracyMeters(),
                c.getEnded(), c.getOutAt(), c.getOutVerdict(), c.getOutDistanceMeters(), c.getSecondsOnSite());
    }

    public boolean open() {
        return ended == null;
    }
}

package com.keyaccount.crm.checkin.application;

import com.keyaccount.crm.checkin.CheckIn;
import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import java.math.BigDecimal;
import java.time.Instant;

/** The user's open check-in, named by its customer: where they are checked in, since when, and whether verified. */
public record OpenCheckIn(long id, long customerId, String customerName, Instant inAt, CheckInVerdict verdict,
        Integer distanceMeters, BigDecimal accuracyMeters, int maxDistanceMeters, int maxAccuracyMeters) {

    static OpenCheckIn of(CheckIn c) {
        return new OpenCheckIn(c.getId(), c.getCustomer().getId(), c.getCustomer().getName(), c.getInAt(),
                c.getInVerdict(), c.getInDistanceMeters(), c.getInAccuracyMeters(), c.getMaxDistanceMeters(),
                c.getMaxAccuracyMeters());
    }
}

package com.keyaccount.crm.checkin.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin's limits for a check-in to count as evidence: at most {@code maxDistanceMeters} from
 * the customer's location, with the phone's accuracy radius at most {@code maxAccuracyMeters}.
 */
public record CheckInLimits(int maxDistanceMeters, int maxAccuracyMeters) {

    /** 500 m: a large site (a factory, a campus) with the customer's pin at its gate. */
    public static final CheckInLimits DEFAULTS = new CheckInLimits(500, 200);
    public static final int LEAST_DISTANCE = 50;
    public static final int MOST_DISTANCE = 50_000;
    public static final int LEAST_ACCURACY = 10;
    public static final int MOST_ACCURACY = 5_000;

    /** Each limit outside its range, by its field name. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        Violation.range(found, "maxDistanceMeters", maxDistanceMeters, LEAST_DISTANCE, MOST_DISTANCE);
        Violation.range(found, "maxAccuracyMeters", maxAccuracyMeters, LEAST_ACCURACY, MOST_ACCURACY);
        return found;
    }
}

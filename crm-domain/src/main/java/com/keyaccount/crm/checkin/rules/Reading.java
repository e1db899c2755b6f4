package com.keyaccount.crm.checkin.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * What a phone's browser reports with a position (the Geolocation API): the position, its
 * accuracy radius in metres and when the phone took it. A browser always gives both; a request
 * without them was not made by our page's call to the browser, and {@code accuracyMeters} or
 * {@code positionAt} is then null.
 */
public record Reading(GeoPoint position, Double accuracyMeters, Instant positionAt) {

    /** No phone reports a radius wider than this; a larger one is refused as input, not judged. */
    public static final double MAX_ACCURACY_METERS = 100_000;

    public Reading {
        Objects.requireNonNull(position);
        if (accuracyMeters != null && !(accuracyMeters >= 0 && accuracyMeters <= MAX_ACCURACY_METERS)) {
            throw new IllegalArgumentException("not an accuracy: " + accuracyMeters);
        }
    }

    /** Whether the request carried all the browser gives: without it the position was typed, not measured. */
    public boolean complete() {
        return accuracyMeters != null && positionAt != null;
    }
}

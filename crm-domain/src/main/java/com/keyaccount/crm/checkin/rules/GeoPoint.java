package com.keyaccount.crm.checkin.rules;

/**
 * A position on the earth in decimal degrees (WGS 84, as browsers and phones give it). Only
 * finite values within range exist: whatever reads one from a request or a file checks the range
 * first and reports it beside the field.
 */
public record GeoPoint(double latitude, double longitude) {

    public static final double MAX_LATITUDE = 90;
    public static final double MAX_LONGITUDE = 180;

    public GeoPoint {
        if (!valid(latitude, longitude)) {
            throw new IllegalArgumentException("not a position: " + latitude + ", " + longitude);
        }
    }

    /** Whether the two numbers make a position: finite, latitude within ±90, longitude within ±180. */
    public static boolean valid(double latitude, double longitude) {
        return Double.isFinite(latitude) && Double.isFinite(longitude) && Math.abs(latitude) <= MAX_LATITUDE
                && Math.abs(longitude) <= MAX_LONGITUDE;
    }
}

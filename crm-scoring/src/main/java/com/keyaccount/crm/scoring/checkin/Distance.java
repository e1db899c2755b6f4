package com.keyaccount.crm.scoring.checkin;

import com.keyaccount.crm.checkin.rules.GeoPoint;

/**
 * The great-circle distance between two positions (the haversine formula on a sphere of the
 * earth's mean radius). Against the ellipsoid it errs by at most about 0.5 %: 2.5 m in 500 m,
 * far below a phone's accuracy.
 */
public final class Distance {

    /** The earth's mean radius (IUGG), in metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Distance() {
    }

    public static double meters(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        // rounding can push h a hair above 1 for antipodal points; asin would then be NaN
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(Math.min(1, h)));
    }

    /** The distance in whole metres, as it is stored, shown and compared with the admin's limit. */
    public static int wholeMeters(GeoPoint a, GeoPoint b) {
        return (int) Math.round(meters(a, b));
    }
}

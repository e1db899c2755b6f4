package com.keyaccount.crm.checkin.web;

import com.keyaccount.crm.checkin.rules.GeoPoint;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed coordinates as they are pasted from a map: "31.2304, 121.4737", with a full-width
 * comma (31.2304，121.4737), a semicolon or a space between, degree signs allowed. Latitude first.
 * What it cannot read, or a number out of range, comes back as the message code to show beside
 * the field.
 */
final class CoordinatesText {

    private static final String NUMBER = "([+-]?\\d{1,3}(?:\\.\\d{1,12})?)";
    private static final Pattern PAIR = Pattern.compile(NUMBER + "\\s*(?:[,;，；、]\\s*|\\s+)" + NUMBER);

    /** Either a position or the code of what is wrong with the text. */
    record Parsed(GeoPoint point, String problem) {
    }

    private CoordinatesText() {
    }

    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, "checkin.location.required");
        }
        Matcher m = PAIR.matcher(text.strip().replace("°", ""));
        if (!m.matches()) {
            return new Parsed(null, "checkin.location.format");
        }
        double latitude = Double.parseDouble(m.group(1));
        double longitude = Double.parseDouble(m.group(2));
        if (Math.abs(latitude) > GeoPoint.MAX_LATITUDE) {
            // 121.47, 31.23 is a longitude first, as some map services write them
            boolean swapped = Math.abs(longitude) <= GeoPoint.MAX_LATITUDE && Math.abs(latitude) <= GeoPoint.MAX_LONGITUDE;
            return new Parsed(null, swapped ? "checkin.location.swapped" : "checkin.location.latitudeRange");
        }
        if (Math.abs(longitude) > GeoPoint.MAX_LONGITUDE) {
            return new Parsed(null, "checkin.location.longitudeRange");
        }
        return new Parsed(new GeoPoint(latitude, longitude), null);
    }
}

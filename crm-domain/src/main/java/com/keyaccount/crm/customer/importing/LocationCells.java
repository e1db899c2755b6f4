package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.checkin.rules.GeoPoint;
import com.keyaccount.crm.importing.Cells;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The optional location cells of a customer line (issue 23): {@code latitude} and
 * {@code longitude} in decimal degrees, as the customer export writes them, both or neither (a
 * line with both empty clears the location). Kept to six decimals, as the location form keeps them.
 */
final class LocationCells {

    static final String LATITUDE = "latitude";
    static final String LONGITUDE = "longitude";
    private static final Pattern DEGREES = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{1,15})?");

    /** A line's location; both parts null when it has none. */
    record Location(BigDecimal latitude, BigDecimal longitude) {

        static final Location NONE = new Location(null, null);
    }

    private LocationCells() {
    }

    static Location parse(long lineNo, Map<String, String> cells, Consumer<LineError> errors) {
        String latitude = Cells.present(lineNo, cells, LATITUDE, false, errors);
        String longitude = Cells.present(lineNo, cells, LONGITUDE, false, errors);
        if (latitude == null && longitude == null) {
            return Location.NONE;
        }
        if (latitude == null || longitude == null) {
            String column = latitude == null ? LATITUDE : LONGITUDE;
            errors.accept(new LineError(lineNo, column, null, Reason.HALF_A_LOCATION, null));
            return Location.NONE;
        }
        BigDecimal lat = degrees(lineNo, LATITUDE, latitude, GeoPoint.MAX_LATITUDE, errors);
        BigDecimal lon = degrees(lineNo, LONGITUDE, longitude, GeoPoint.MAX_LONGITUDE, errors);
        return lat == null || lon == null ? Location.NONE : new Location(lat, lon);
    }

    private static BigDecimal degrees(long lineNo, String column, String text, double most,
            Consumer<LineError> errors) {
        if (!DEGREES.matcher(text).matches()) {
            errors.accept(new LineError(lineNo, column, text, Reason.BAD_NUMBER, null));
            return null;
        }
        BigDecimal value = new BigDecimal(text).setScale(6, RoundingMode.HALF_UP);
        if (value.abs().compareTo(BigDecimal.valueOf(most)) > 0) {
            errors.accept(new LineError(lineNo, column, text, Reason.LOCATION_OUT_OF_RANGE, null));
            return null;
        }
        return value;
    }
}

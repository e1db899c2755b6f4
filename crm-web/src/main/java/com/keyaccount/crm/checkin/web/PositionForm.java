package com.keyaccount.crm.checkin.web;

import com.keyaccount.crm.checkin.rules.GeoPoint;
import com.keyaccount.crm.checkin.rules.Reading;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;

/**
 * The position our page's script posts after asking the browser (Geolocation API): latitude and
 * longitude in degrees, the accuracy radius in metres and the phone's time of the position in
 * milliseconds since 1970 ({@code position.timestamp}). Numbers bind as decimals, so "NaN",
 * "Infinity" and the like are refused while binding; anything out of range is refused here, and
 * nothing is written. Accuracy and time are optional here: without them the position is judged
 * "not from the phone" and saved as such, since a browser always gives both.
 */
@Getter
@Setter
public class PositionForm {

    /** 2100-01-01: no position can be taken later than that by a phone of today. */
    static final long LATEST_POSITION_MILLIS = 4_102_444_800_000L;

    @NotNull
    @DecimalMin("-90")
    @DecimalMax("90")
    private BigDecimal latitude;

    @NotNull
    @DecimalMin("-180")
    @DecimalMax("180")
    private BigDecimal longitude;

    @DecimalMin("0")
    @DecimalMax("100000")
    private BigDecimal accuracy;

    @Min(0)
    @Max(LATEST_POSITION_MILLIS)
    private Long positionAt;

    /** Only once the checks above passed. */
    Reading toReading() {
        return new Reading(new GeoPoint(latitude.doubleValue(), longitude.doubleValue()),
                accuracy == null ? null : accuracy.doubleValue(),
                positionAt == null ? null : Instant.ofEpochMilli(positionAt));
    }
}

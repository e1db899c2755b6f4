package com.keyaccount.crm.customer;

import com.keyaccount.crm.checkin.rules.GeoPoint;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Where a customer is: the pin check-ins are measured against. Six decimals (about 0.1 m) are
 * kept; who set it, when and how stay beside it, so a director can tell a pin typed from the
 * address from one taken by the manager's phone at the gate.
 */
@Embeddable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class SiteLocation {

    static final int SCALE = 6;

    @Column(name = "latitude")
    private BigDecimal latitude;

    @Column(name = "longitude")
    private BigDecimal longitude;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "location_source")
    private LocationSource source;

    @Column(name = "location_set_by")
    private String setBy;

    @Column(name = "location_set_at")
    private Instant setAt;

    public SiteLocation(GeoPoint point, LocationSource source, String setBy, Instant setAt) {
        this.latitude = scaled(point.latitude());
        this.longitude = scaled(point.longitude());
        this.source = Objects.requireNonNull(source);
        this.setBy = Objects.requireNonNull(setBy);
        this.setAt = Objects.requireNonNull(setAt);
    }

    public GeoPoint point() {
        return new GeoPoint(latitude.doubleValue(), longitude.doubleValue());
    }

    /** "31.230400, 121.473700": as the location form takes it, and as the audit log records it. */
    public String text() {
        return latitude.toPlainString() + ", " + longitude.toPlainString();
    }

    /** A {@code geo:} URI (RFC 5870): a phone opens it in its own map app; the product needs no map service. */
    public String geoUri() {
        return String.format(Locale.ROOT, "geo:%s,%s", latitude.toPlainString(), longitude.toPlainString());
    }

    static BigDecimal scaled(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(SCALE, RoundingMode.HALF_UP);
    }
}

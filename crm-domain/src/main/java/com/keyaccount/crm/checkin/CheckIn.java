package com.keyaccount.crm.checkin;

import com.keyaccount.crm.checkin.rules.CheckInLimits;
import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import com.keyaccount.crm.checkin.rules.Reading;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.user.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One stay at a customer (定位签到): the check-in with the position the phone gave and its
 * verdict against the limits in force then (kept, so a later change of the limits does not
 * rewrite what a visit was judged by), then the check-out with its own position, or an end
 * without one. Times are the server's; the phone's own time of each position is kept beside.
 */
@Entity
@Table(name = "check_in")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CheckIn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private AppUser user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    /** The user's id while open, null after: one open check-in per user (a unique constraint). */
    @Column(name = "open_user_id")
    private Long openUserId;

    /** The day of the check-in in the business time zone: visits are matched to check-ins by it. */
    @Column(name = "business_day")
    private LocalDate businessDay;

    @Column(name = "in_at")
    private Instant inAt;

    @Column(name = "in_latitude")
    private BigDecimal inLatitude;

    @Column(name = "in_longitude")
    private BigDecimal inLongitude;

    @Column(name = "in_accuracy_m")
    private BigDecimal inAccuracyMeters;

    @Column(name = "in_position_at")
    private Instant inPositionAt;

    @Column(name = "in_distance_m")
    private Integer inDistanceMeters;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "in_verdict")
    private CheckInVerdict inVerdict;

    @Column(name = "max_distance_m")
    private int maxDistanceMeters;

    @Column(name = "max_accuracy_m")
    private int maxAccuracyMeters;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private CheckInEnd ended;

    @Column(name = "out_at")
    private Instant outAt;

    @Column(name = "out_latitude")
    private BigDecimal outLatitude;

    @Column(name = "out_longitude")
    private BigDecimal outLongitude;

    @Column(name = "out_accuracy_m")
    private BigDecimal outAccuracyMeters;

    @Column(name = "out_position_at")
    private Instant outPositionAt;

    @Column(name = "out_distance_m")
    private Integer outDistanceMeters;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "out_verdict")
    private CheckInVerdict outVerdict;

    @Column(name = "seconds_on_site")
    private Integer secondsOnSite;

    @Version
    private long version;

    /**
     * Checks {@code user} in at {@code customer} now, with what the phone reported and how the
     * position was judged ({@code distanceMeters} null when the customer has no location).
     */
    public CheckIn(AppUser user, Customer customer, LocalDate businessDay, Instant now, Reading reading,
            CheckInVerdict verdict, Integer distanceMeters, CheckInLimits limits) {
        this.user = Objects.requireNonNull(user);
        this.customer = Objects.requireNonNull(customer);
        this.openUserId = user.getId();
        this.businessDay = Objects.requireNonNull(businessDay);
        this.inAt = Objects.requireNonNull(now);
        this.inLatitude = degrees(reading.position().latitude());
        this.inLongitude = degrees(reading.position().longitude());
        this.inAccuracyMeters = meters(reading.accuracyMeters());
        this.inPositionAt = reading.positionAt();
        this.inVerdict = Objects.requireNonNull(verdict);
        this.inDistanceMeters = distanceMeters;
        this.maxDistanceMeters = limits.maxDistanceMeters();
        this.maxAccuracyMeters = limits.maxAccuracyMeters();
    }

    public boolean isOpen() {
        return ended == null;
    }

    /** Checks out with the phone's position now; the time on site is from the check-in to now. */
    public void checkOut(Instant now, Reading reading, CheckInVerdict verdict, Integer distanceMeters) {
        requireOpen();
        if (now.isBefore(inAt)) {
            throw new IllegalArgumentException("a check-out before its check-in");
        }
        this.ended = CheckInEnd.CHECKED_OUT;
        this.openUserId = null;
        this.outAt = now;
        this.outLatitude = degrees(reading.position().latitude());
        this.outLongitude = degrees(reading.position().longitude());
        this.outAccuracyMeters = meters(reading.accuracyMeters());
        this.outPositionAt = reading.positionAt();
        this.outVerdict = Objects.requireNonNull(verdict);
        this.outDistanceMeters = distanceMeters;
        this.secondsOnSite = Math.toIntExact(Duration.between(inAt, now).toSeconds());
    }

    /** Ends the check-in without a check-out: the time on site stays unknown rather than guessed. */
    public void endWithoutCheckOut(CheckInEnd why) {
        requireOpen();
        if (why == CheckInEnd.CHECKED_OUT) {
            throw new IllegalArgumentException("a check-out needs its position");
        }
        this.ended = why;
        this.openUserId = null;
    }

    /** The limits the check-in was judged by; its check-out is judged by the same. */
    public CheckInLimits limits() {
        return new CheckInLimits(maxDistanceMeters, maxAccuracyMeters);
    }

    /** Check-out minus check-in; null until checked out. */
    public Duration timeOnSite() {
        return secondsOnSite == null ? null : Duration.ofSeconds(secondsOnSite);
    }

    private void requireOpen() {
        if (!isOpen()) {
            throw new IllegalStateException("check-in " + id + " has ended");
        }
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    private static BigDecimal meters(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}

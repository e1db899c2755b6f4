package com.keyaccount.crm.checkin;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.checkin.rules.CheckInLimits;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of {@code check_in_setting}: the admin's limits for a check-in to count as
 * evidence. Each change is audited field by field; check-ins keep the limits they were judged by,
 * so a change applies from the next check-in on.
 */
@Service
public class CheckInSettings {

    public static final String ENTITY = "CheckInSetting";

    private final JdbcClient sql;
    private final AuditTrail audit;
    private final Clock clock;

    CheckInSettings(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.sql = JdbcClient.create(jdbc);
        this.audit = audit;
        this.clock = clock;
    }

    /** The limits in force (the defaults should the row be missing). */
    @Transactional(readOnly = true)
    public CheckInLimits current() {
        return sql.sql("SELECT max_distance_m, max_accuracy_m FROM check_in_setting WHERE id = 1")
                .query((rs, n) -> new CheckInLimits(rs.getInt(1), rs.getInt(2))).optional()
                .orElse(CheckInLimits.DEFAULTS);
    }

    /** Who changed the limits last, and when; empty while they are the defaults of the installation. */
    @Transactional(readOnly = true)
    public Optional<Changed> lastChange() {
        return sql.sql("SELECT updated_by, updated_at FROM check_in_setting WHERE id = 1 AND updated_by IS NOT NULL")
                .query((rs, n) -> new Changed(rs.getString(1), rs.getTimestamp(2).toInstant())).optional();
    }

    /** When and by whom the limits were last changed. */
    public record Changed(String by, Instant at) {
    }

    /**
     * Sets the limits (admins only); limits with violations are refused whole.
     *
     * @throws IllegalArgumentException when {@code limits} has violations (the form shows them first)
     */
    @Transactional
    public void change(Viewer admin, CheckInLimits limits) {
        if (admin.role() != Role.ADMIN) {
            throw new NotPermittedException("change the check-in limits");
        }
        Violation.requireNone(limits.violations());
        CheckInLimits before = current();
        if (before.equals(limits)) {
            return;
        }
        sql.sql("""
                UPDATE check_in_setting SET max_distance_m = :distance, max_accuracy_m = :accuracy,
                    updated_by = :by, updated_at = :at WHERE id = 1""")
                .param("distance", limits.maxDistanceMeters()).param("accuracy", limits.maxAccuracyMeters())
                .param("by", admin.username()).param("at", Timestamp.from(clock.instant())).update();
        if (before.maxDistanceMeters() != limits.maxDistanceMeters()) {
            audit.fieldChanged(admin.username(), ENTITY, 1, null, "maxDistanceMeters", before.maxDistanceMeters(),
                    limits.maxDistanceMeters());
        }
        if (before.maxAccuracyMeters() != limits.maxAccuracyMeters()) {
            audit.fieldChanged(admin.username(), ENTITY, 1, null, "maxAccuracyMeters", before.maxAccuracyMeters(),
                    limits.maxAccuracyMeters());
        }
    }
}

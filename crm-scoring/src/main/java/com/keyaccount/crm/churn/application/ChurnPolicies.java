package com.keyaccount.crm.churn.application;

import com.keyaccount.crm.churn.ChurnThresholds;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes churn-warning thresholds together with the tier rules they were drafted with; the
 * thresholds in force are read by {@link com.keyaccount.crm.churn.application.ChurnWarnings#thresholds()}.
 */
@Component
@RequiredArgsConstructor
public class ChurnPolicies {

    private final JdbcTemplate jdbc;

    /** Adds the next version; a concurrent publish of the same number fails on the primary key. */
    public void publish(ChurnThresholds thresholds, LocalDate effectiveFrom, String by, Instant now) {
        Integer latest = jdbc.queryForObject("SELECT MAX(version) FROM churn_policy", Integer.class);
        jdbc.update("""
                INSERT INTO churn_policy (version, revenue_drop_percent, days_to_pay_increase, silence_factor,
                    downgrade_within_days, complaint_overdue_days, satisfaction_drop_points, effective_from,
                    created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", (latest == null ? 0 : latest) + 1,
                thresholds.revenueDropPercent(), thresholds.daysToPayIncrease(), thresholds.silenceFactor(),
                thresholds.downgradeWithinDays(), thresholds.complaintOverdueDays(),
                thresholds.satisfactionDropPoints(), effectiveFrom == null ? null : Date.valueOf(effectiveFrom),
                Timestamp.from(now), by);
    }
}

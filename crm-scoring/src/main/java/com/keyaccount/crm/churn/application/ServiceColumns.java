package com.keyaccount.crm.churn.application;

import com.keyaccount.crm.scoring.churn.ServiceFigures;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The churn scan's service columns (issue 18): each customer's open complaints past a deadline
 * and its two latest satisfaction scores, each read by one grouped subquery joined to the
 * customer row, so the scan stays one statement however large the book.
 */
final class ServiceColumns {

    /** Two scores are compared; older surveys than this say nothing about today's service. */
    static final int SURVEY_YEARS = 2;

    /**
     * Joins {@code k} (complaints) and {@code s} (surveys). A received complaint is late once its
     * answer deadline passes, an answered one once its resolution deadline does (as
     * {@code Complaint.isOverdue} says); the earliest missed deadline is kept.
     */
    static final String JOINS = """
            LEFT JOIN (SELECT customer_id, COUNT(*) AS complaints_overdue,
                              MIN(CASE WHEN status = 'RECEIVED' THEN LEAST(answer_due_at, resolve_due_at)
                                       ELSE resolve_due_at END) AS complaint_missed_at
                       FROM complaint
                       WHERE status IN ('RECEIVED', 'ANSWERED')
                         AND (resolve_due_at < ? OR (status = 'RECEIVED' AND answer_due_at < ?))
                       GROUP BY customer_id) k ON k.customer_id = c.id
            LEFT JOIN (SELECT customer_id, MAX(CASE WHEN rn = 1 THEN score END) AS sat_latest,
                              MAX(CASE WHEN rn = 2 THEN score END) AS sat_before,
                              MAX(CASE WHEN rn = 1 THEN answered_at END) AS sat_latest_at
                       FROM (SELECT customer_id, score, answered_at,
                                    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY answered_at DESC, id DESC) AS rn
                             FROM survey_response WHERE score IS NOT NULL AND answered_at >= ?) r
                       WHERE rn <= 2
                       GROUP BY customer_id) s ON s.customer_id = c.id""";

    static final String COLUMNS = ", k.complaints_overdue, k.complaint_missed_at, s.sat_latest, s.sat_before, s.sat_latest_at";

    private ServiceColumns() {
    }

    /** Sets the joins' three parameters from {@code index}; returns the next index. */
    static int bind(PreparedStatement ps, int index, Instant now, LocalDate today, ZoneId zone) throws SQLException {
        ps.setTimestamp(index, Timestamp.from(now));
        ps.setTimestamp(index + 1, Timestamp.from(now));
        ps.setTimestamp(index + 2, Timestamp.from(today.minusYears(SURVEY_YEARS).atStartOfDay(zone).toInstant()));
        return index + 3;
    }

    static ServiceFigures read(ResultSet rs, ZoneId zone) throws SQLException {
        OffsetDateTime missed = rs.getObject("complaint_missed_at", OffsetDateTime.class);
        OffsetDateTime surveyed = rs.getObject("sat_latest_at", OffsetDateTime.class);
        return new ServiceFigures(rs.getInt("complaints_overdue"),
                missed == null ? null : LocalDate.ofInstant(missed.toInstant(), zone), rs.getBigDecimal("sat_before"),
                rs.getBigDecimal("sat_latest"), surveyed == null ? null : LocalDate.ofInstant(surveyed.toInstant(), zone));
    }
}

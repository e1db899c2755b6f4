package com.keyaccount.crm.checkin.application;

import com.keyaccount.crm.checkin.CheckInEnd;
import com.keyaccount.crm.checkin.rules.CheckInVerdict;
import com.keyaccount.crm.checkin.rules.VisitVerdict;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline's badge of each on-site visit: verified (distance, time on site) or not and why.
 * Visits logged before check-ins existed have no row and no badge.
 */
@Service
@Transactional(readOnly = true)
public class VisitBadges {

    private final JdbcClient sql;

    VisitBadges(JdbcClient sql) {
        this.sql = sql;
    }

    /**
     * @param distanceMeters from the customer at check-in (null: no check-in, or no customer location)
     * @param ended          how the check-in ended (null: still open, or no check-in)
     */
    public record VisitBadge(VisitVerdict verdict, Integer distanceMeters, BigDecimal accuracyMeters,
            int maxDistanceMeters, int maxAccuracyMeters, CheckInEnd ended, Integer secondsOnSite,
            CheckInVerdict outVerdict, Integer outDistanceMeters) {
    }

    /** The badges of these contact logs (those that are on-site visits with a check row), by log id. */
    public Map<Long, VisitBadge> of(Collection<Long> logIds) {
        Map<Long, VisitBadge> badges = new HashMap<>();
        if (logIds.isEmpty()) {
            return badges;
        }
        sql.sql("""
                SELECT v.contact_log_id, v.verified, v.reason, c.in_distance_m, c.in_accuracy_m, c.max_distance_m,
                       c.max_accuracy_m, c.ended, c.seconds_on_site, c.out_verdict, c.out_distance_m
                FROM visit_check v LEFT JOIN check_in c ON c.id = v.check_in_id
                WHERE v.contact_log_id IN (:ids)""").param("ids", logIds).query(rs -> {
                    String reason = rs.getString("reason");
                    String ended = rs.getString("ended");
                    String outVerdict = rs.getString("out_verdict");
                    badges.put(rs.getLong("contact_log_id"), new VisitBadge(
                            rs.getBoolean("verified") ? VisitVerdict.VERIFIED : VisitVerdict.valueOf(reason),
                            rs.getObject("in_distance_m", Integer.class), rs.getBigDecimal("in_accuracy_m"),
                            rs.getInt("max_distance_m"), rs.getInt("max_accuracy_m"),
                            ended == null ? null : CheckInEnd.valueOf(ended),
                            rs.getObject("seconds_on_site", Integer.class),
                            outVerdict == null ? null : CheckInVerdict.valueOf(outVerdict),
                            rs.getObject("out_distance_m", Integer.class)));
                });
        return badges;
    }
}

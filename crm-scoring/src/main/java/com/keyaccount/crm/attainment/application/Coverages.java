package com.keyaccount.crm.attainment.application;

import com.keyaccount.crm.attainment.application.Coverage.Line;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage figures by SQL aggregation, from the stored schedule and each customer's latest contact
 * (kept from the contact log by its triggers, V64); lost customers do not count.
 */
@Service
@Transactional(readOnly = true)
public class Coverages {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;

    public Coverages(JdbcTemplate jdbc, Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = businessZone;
    }

    public Coverage of(DashboardFilter filter, int days) {
        return new Coverage(days, lines("u.id, u.display_name", "u.display_name", filter, days, true),
                lines("COALESCE(t.effective_tier, '-')", "COALESCE(t.effective_tier, '-')", filter, days, false),
                lost(filter));
    }

    private long lost(DashboardFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        Long lost = jdbc.queryForObject("""
                SELECT COUNT(*) FROM customer c JOIN app_user u ON u.id = c.owner_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE %s AND c.status = 'LOST'""".formatted(where), Long.class, args.toArray());
        return lost == null ? 0 : lost;
    }

    private List<Line> lines(String groupBy, String key, DashboardFilter filter, int days, boolean byManager) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(today),
                Timestamp.from(today.minusDays(days).atStartOfDay(zone).toInstant())));
        String where = filter.where(args);
        return jdbc.query("""
                SELECT %s AS k, %s COUNT(*) AS customers,
                       SUM(CASE WHEN f.due_on < ? THEN 1 ELSE 0 END) AS overdue,
                       SUM(CASE WHEN k.last_contact_at IS NULL OR k.last_contact_at < ? THEN 1 ELSE 0 END)
                           AS not_contacted
                FROM customer c JOIN app_user u ON u.id = c.owner_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                LEFT JOIN follow_up f ON f.customer_id = c.id
                JOIN customer_last_contact k ON k.customer_id = c.id
                WHERE %s AND c.status <> 'LOST'
                GROUP BY %s ORDER BY k""".formatted(key, byManager ? "u.id AS manager_id," : "", where, groupBy),
                (rs, n) -> new Line(byManager ? rs.getLong("manager_id") : null, rs.getString("k"),
                        rs.getLong("customers"), rs.getLong("overdue"), rs.getLong("not_contacted")),
                args.toArray());
    }
}

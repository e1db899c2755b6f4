package com.keyaccount.crm.lost.application;

import com.keyaccount.crm.scoring.care.RetentionRate;
import com.keyaccount.crm.user.Viewer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Churn and retention per quarter of a year, per tier and per manager, and the loss reasons
 * ranked. A period's customers are those created before it began and not lost then; a loss
 * counts under the manager and tier the customer had when it was lost.
 */
@Service
@Transactional(readOnly = true)
public class Retention {

    private final JdbcClient jdbc;
    private final LostCustomers lost;
    private final ZoneId zone;

    Retention(JdbcClient jdbc, LostCustomers lost, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.lost = lost;
        this.zone = businessZone;
    }

    public record Period(String label, LocalDate from, LocalDate to, RetentionRate rate) {
    }

    public record Group(String key, String label, RetentionRate rate) {
    }

    public record ReasonCount(LossReason reason, long count) {
    }

    public record Report(int year, List<Period> quarters, RetentionRate wholeYear, List<Group> byTier,
            List<Group> byManager, List<ReasonCount> reasons, Map<String, Long> competitors) {
    }

    public Report of(Viewer viewer, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Period> quarters = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            LocalDate from = first.plusMonths(3L * q);
            LocalDate to = from.plusMonths(3).minusDays(1);
            if (from.isAfter(lost.today())) {
                break;
            }
            quarters.add(new Period("Q" + (q + 1), from, to, RetentionRate.sum(rows(viewer, from, to).stream().map(Row::rate).toList())));
        }
        List<Row> year_ = rows(viewer, first, last);
        Map<String, RetentionRate> tiers = new TreeMap<>();
        Map<Long, RetentionRate> managers = new LinkedHashMap<>();
        Map<Long, String> names = new TreeMap<>();
        for (Row r : year_) {
            tiers.merge(r.tier(), r.rate(), RetentionRate::plus);
            managers.merge(r.ownerId(), r.rate(), RetentionRate::plus);
            names.put(r.ownerId(), r.ownerName());
        }
        Map<LossReason, Long> reasons = new EnumMap<>(LossReason.class);
        Map<String, Long> competitors = new TreeMap<>();
        for (CustomerLoss l : lost.lostBetween(viewer, first, last)) {
            reasons.merge(l.reason(), 1L, Long::sum);
            String competitor = l.interviewCompetitor() != null ? l.interviewCompetitor() : l.competitor();
            if (competitor != null) {
                competitors.merge(competitor, 1L, Long::sum);
            }
        }
        return new Report(year, quarters, RetentionRate.sum(year_.stream().map(Row::rate).toList()),
                tiers.entrySet().stream().map(e -> new Group(e.getKey(), e.getKey(), e.getValue())).toList(),
                managers.entrySet().stream().map(e -> new Group(String.valueOf(e.getKey()), names.get(e.getKey()),
                        e.getValue())).sorted(java.util.Comparator.comparing(Group::label)).toList(),
                reasons.entrySet().stream().sorted(Map.Entry.<LossReason, Long>comparingByValue().reversed())
                        .map(e -> new ReasonCount(e.getKey(), e.getValue())).toList(),
                competitors);
    }

    record Row(long ownerId, String ownerName, String tier, RetentionRate rate) {
    }

    private List<Row> rows(Viewer viewer, LocalDate from, LocalDate to) {
        boolean all = viewer.role().seesAllCustomers();
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to),
                Timestamp.from(from.atStartOfDay(zone).toInstant()), Date.valueOf(from), Date.valueOf(from)));
        if (!all) {
            args.add(viewer.userId());
        }
        return jdbc.sql("""
                SELECT x.owner_id, u.display_name, x.tier, COUNT(DISTINCT x.id) AS at_start,
                       COUNT(DISTINCT x.lost_id) AS lost
                FROM (SELECT c.id, COALESCE(l.owner_id, c.owner_id) AS owner_id,
                             COALESCE(l.tier, t.effective_tier, 'C') AS tier, l.customer_id AS lost_id
                      FROM customer c
                      LEFT JOIN customer_tier t ON t.customer_id = c.id
                      LEFT JOIN customer_loss l ON l.customer_id = c.id AND l.lost_on BETWEEN ? AND ?
                      WHERE c.deleted = FALSE AND c.created_at < ? AND (c.status <> 'PROSPECT' OR l.id IS NOT NULL)
                        AND NOT EXISTS (SELECT 1 FROM customer_loss o WHERE o.customer_id = c.id AND o.lost_on < ?
                            AND (o.won_back_on IS NULL OR o.won_back_on >= ?))%s) x
                JOIN app_user u ON u.id = x.owner_id
                GROUP BY x.owner_id, u.display_name, x.tier""".formatted(all ? "" : " AND c.owner_id = ?"))
                .params(args).query((rs, n) -> new Row(rs.getLong("owner_id"), rs.getString("display_name"),
                        rs.getString("tier"), new RetentionRate(rs.getLong("at_start"), rs.getLong("lost"))))
                .list();
    }
}

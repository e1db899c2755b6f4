package com.keyaccount.crm.lost.application;

import com.keyaccount.crm.scoring.care.RetentionRate;
import com.keyaccount.crm.user.Viewer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
        // period 0 is the whole year, then the quarters begun by today
        List<LocalDate[]> periods = new ArrayList<>();
        periods.add(new LocalDate[] {first, last});
        for (int q = 0; q < 4; q++) {
            LocalDate from = first.plusMonths(3L * q);
            if (from.isAfter(lost.today())) {
                break;
            }
            periods.add(new LocalDate[] {from, from.plusMonths(3).minusDays(1)});
        }
        List<List<Row>> rows = rows(viewer, periods);
        List<Period> quarters = new ArrayList<>();
        for (int q = 1; q < periods.size(); q++) {
            quarters.add(new Period("Q" + q, periods.get(q)[0], periods.get(q)[1],
                    RetentionRate.sum(rows.get(q).stream().map(Row::rate).toList())));
        }
        List<Row> year_ = rows.get(0);
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

    /**
     * Each period's rows. A period's customers are those created before it began, not prospects
     * (unless lost in it), and not lost before it without being won back; a loss counts under the
     * manager and tier of its record. Customers never lost (nearly all) are counted for every
     * period in one pass, each period a conditional sum; the few with a loss record get the full
     * rule, per period, starting from the loss records.
     */
    private List<List<Row>> rows(Viewer viewer, List<LocalDate[]> periods) {
        boolean all = viewer.role().seesAllCustomers();
        Map<String, Object> args = new HashMap<>();
        StringBuilder sums = new StringBuilder();
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            args.put("f" + i, Date.valueOf(periods.get(i)[0]));
            args.put("t" + i, Date.valueOf(periods.get(i)[1]));
            args.put("s" + i, Timestamp.from(periods.get(i)[0].atStartOfDay(zone).toInstant()));
            sums.append(", SUM(CASE WHEN c.created_at < :s").append(i).append(" THEN 1 ELSE 0 END) AS p").append(i);
            table.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(" AS n, CAST(:f").append(i)
                    .append(" AS DATE) AS f, CAST(:t").append(i).append(" AS DATE) AS t, CAST(:s").append(i)
                    .append(" AS TIMESTAMP WITH TIME ZONE) AS s");
        }
        if (!all) {
            args.put("me", viewer.userId());
        }
        String mine = all ? "" : " AND c.owner_id = :me";
        List<List<Row>> rows = new ArrayList<>();
        periods.forEach(p -> rows.add(new ArrayList<>()));
        jdbc.sql("""
                SELECT c.owner_id, u.display_name, COALESCE(t.effective_tier, 'C') AS tier%s
                FROM customer c JOIN app_user u ON u.id = c.owner_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.deleted = FALSE AND c.status <> 'PROSPECT'
                  AND NOT EXISTS (SELECT 1 FROM customer_loss o WHERE o.customer_id = c.id)%s
                GROUP BY c.owner_id, u.display_name, COALESCE(t.effective_tier, 'C')""".formatted(sums, mine))
                .params(args).query(rs -> {
                    for (int i = 0; i < periods.size(); i++) {
                        long atStart = rs.getLong("p" + i);
                        if (atStart > 0) {
                            rows.get(i).add(new Row(rs.getLong("owner_id"), rs.getString("display_name"),
                                    rs.getString("tier"), new RetentionRate(atStart, 0)));
                        }
                    }
                });
        jdbc.sql("""
                SELECT x.n, x.owner_id, u.display_name, x.tier, COUNT(DISTINCT x.id) AS at_start,
                       COUNT(DISTINCT x.lost_id) AS lost
                FROM (SELECT p.n, c.id, COALESCE(l.owner_id, c.owner_id) AS owner_id,
                             COALESCE(l.tier, t.effective_tier, 'C') AS tier, l.customer_id AS lost_id
                      FROM (SELECT DISTINCT customer_id FROM customer_loss) e
                      JOIN customer c ON c.id = e.customer_id
                      CROSS JOIN (%s) p
                      LEFT JOIN customer_tier t ON t.customer_id = c.id
                      LEFT JOIN customer_loss l ON l.customer_id = c.id AND l.lost_on BETWEEN p.f AND p.t
                      WHERE c.deleted = FALSE AND c.created_at < p.s AND (c.status <> 'PROSPECT' OR l.id IS NOT NULL)
                        AND NOT EXISTS (SELECT 1 FROM customer_loss o WHERE o.customer_id = c.id AND o.lost_on < p.f
                            AND (o.won_back_on IS NULL OR o.won_back_on >= p.f))%s) x
                JOIN app_user u ON u.id = x.owner_id
                GROUP BY x.n, x.owner_id, u.display_name, x.tier""".formatted(table, mine))
                .params(args).query(rs -> {
                    rows.get(rs.getInt("n")).add(new Row(rs.getLong("owner_id"), rs.getString("display_name"),
                            rs.getString("tier"), new RetentionRate(rs.getLong("at_start"), rs.getLong("lost"))));
                });
        return rows;
    }
}

package com.keyaccount.crm.lost.application;

import com.keyaccount.crm.scoring.care.LostCustomerPeriods;
import com.keyaccount.crm.scoring.care.RetentionRate;
import com.keyaccount.crm.user.Viewer;
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
     * period in one pass, each period a conditional sum; the few with a loss record are read once
     * with their losses and counted by {@link LostCustomerPeriods} (one SQL statement per period
     * over the book cost more than the whole panel may take).
     */
    private List<List<Row>> rows(Viewer viewer, List<LocalDate[]> periods) {
        Map<String, Object> args = new HashMap<>();
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            args.put("s" + i, Timestamp.from(periods.get(i)[0].atStartOfDay(zone).toInstant()));
            sums.append(", SUM(CASE WHEN c.created_at < :s").append(i).append(" THEN 1 ELSE 0 END) AS p").append(i);
        }
        String mine = viewer.scope().all() ? "" : " AND " + viewer.scope().sql("c.owner_id");
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
        // the few ever lost: their loss records, read once, and the rule applied per period in Java
        Map<Long, LostCustomerPeriods.Customer> everLost = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, c.owner_id, t.effective_tier, c.created_at, c.status, l.lost_on, l.won_back_on,
                       l.owner_id AS loss_owner_id, l.tier AS loss_tier
                FROM customer_loss l JOIN customer c ON c.id = l.customer_id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.deleted = FALSE%s
                ORDER BY c.id, l.lost_on, l.id""".formatted(mine)).params(args).query(rs -> {
                    var loss = new LostCustomerPeriods.Loss(rs.getDate("lost_on").toLocalDate(),
                            rs.getDate("won_back_on") == null ? null : rs.getDate("won_back_on").toLocalDate(),
                            rs.getLong("loss_owner_id"), rs.getString("loss_tier"));
                    var customer = new LostCustomerPeriods.Customer(rs.getLong("owner_id"),
                            rs.getString("effective_tier"), rs.getTimestamp("created_at").toInstant(),
                            "PROSPECT".equals(rs.getString("status")), new ArrayList<>());
                    everLost.computeIfAbsent(rs.getLong("id"), id -> customer).losses().add(loss);
                });
        if (everLost.isEmpty()) {
            return rows;
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("SELECT id, display_name FROM app_user")
                .query(rs -> { names.put(rs.getLong("id"), rs.getString("display_name")); });
        List<LostCustomerPeriods.Period> spans = periods.stream()
                .map(p -> new LostCustomerPeriods.Period(p[0], p[1], p[0].atStartOfDay(zone).toInstant())).toList();
        LostCustomerPeriods.count(spans, everLost.values()).forEach((key, rate) -> rows.get(key.period())
                .add(new Row(key.ownerId(), names.get(key.ownerId()), key.tier(), rate)));
        return rows;
    }
}

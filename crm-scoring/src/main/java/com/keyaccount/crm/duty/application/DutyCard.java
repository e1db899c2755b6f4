package com.keyaccount.crm.duty.application;

import com.keyaccount.crm.duty.application.DutyDay.DueList;
import com.keyaccount.crm.duty.application.DutyDay.Row;
import com.keyaccount.crm.followup.rules.DutyKind;
import com.keyaccount.crm.followup.rules.RoleDuties.Duty;
import com.keyaccount.crm.scoring.duty.DutyMath;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Viewer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first rows of both of My day's duty lists in one statement: the user's key accounts read
 * once with their last visit and last call of the user's, each account marked due or not for each
 * kind, counted and ranked per kind in the database, and only the first rows of each sent back. Two
 * statements of one list each read the same thousands of key accounts twice.
 */
@Component
class DutyCard {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    DutyCard(JdbcClient jdbc, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.zone = businessZone;
    }

    /** Each kind the duty has intervals for, its first {@code rows} (oldest contact first) and its total. */
    List<DueList> lists(Viewer viewer, Duty duty, LocalDate today, int rows) {
        Map<DutyKind, DutyIntervals> every = new EnumMap<>(DutyKind.class);
        for (DutyKind kind : DutyKind.values()) {
            DutyIntervals intervals = DutyIntervals.of(duty, kind, alias(kind));
            if (!intervals.none()) {
                every.put(kind, intervals);
            }
        }
        if (every.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("me", viewer.userId());
        params.put("rows", rows);
        Set<Tier> tiers = new TreeSet<>();
        StringBuilder joins = new StringBuilder();
        Map<DutyKind, String> due = new EnumMap<>(DutyKind.class);
        Map<DutyKind, String> last = new EnumMap<>(DutyKind.class);
        for (DutyKind kind : DutyKind.values()) {
            DutyIntervals intervals = every.get(kind);
            if (intervals == null) {
                due.put(kind, "FALSE");
                last.put(kind, "CAST(NULL AS TIMESTAMP WITH TIME ZONE)");
                continue;
            }
            String k = alias(kind);
            tiers.addAll(intervals.tiers());
            due.put(kind, intervals.due(k + ".last_at", params, today, zone));
            last.put(kind, k + ".last_at");
            joins.append(" LEFT JOIN (").append(intervals.lastContacts(params, today, zone)).append(") ").append(k)
                    .append(" ON ").append(k).append(".customer_id = t.customer_id");
        }
        // the key accounts from the list's copy of the tiers, less the lost and the prospects (an index
        // of those few); the customers themselves are read for the rows shown only
        String sql = """
                SELECT d.id, c.code, c.name, d.sort_tier, u.display_name, d.last_visit, d.last_call, d.visit_due,
                       d.call_due, d.visits_due, d.calls_due, d.visit_rank, d.call_rank
                FROM (SELECT b.*, SUM(b.visit_due) OVER () AS visits_due, SUM(b.call_due) OVER () AS calls_due,
                             ROW_NUMBER() OVER (ORDER BY b.visit_due DESC, b.last_visit NULLS FIRST, b.id) AS visit_rank,
                             ROW_NUMBER() OVER (ORDER BY b.call_due DESC, b.last_call NULLS FIRST, b.id) AS call_rank
                      FROM (SELECT t.customer_id AS id, t.owner_id, t.sort_tier, %s AS last_visit, %s AS last_call,
                                   CASE WHEN %s THEN 1 ELSE 0 END AS visit_due,
                                   CASE WHEN %s THEN 1 ELSE 0 END AS call_due
                            FROM customer_list_tier t%s
                            WHERE t.sort_tier IN (%s) AND %s AND NOT EXISTS (SELECT 1 FROM customer gone
                                WHERE gone.id = t.customer_id AND gone.deleted = FALSE
                                  AND gone.status IN ('LOST', 'PROSPECT'))) b) d
                JOIN customer c ON c.id = d.id
                JOIN app_user u ON u.id = d.owner_id
                WHERE (d.visit_due = 1 AND d.visit_rank <= :rows) OR (d.call_due = 1 AND d.call_rank <= :rows)
                ORDER BY d.visit_rank, d.call_rank""".formatted(last.get(DutyKind.VISIT), last.get(DutyKind.CALL),
                        due.get(DutyKind.VISIT), due.get(DutyKind.CALL),
                        joins, tiers.stream().map(t -> "'" + t + "'").collect(Collectors.joining(",")),
                        viewer.scope().sql("t.owner_id"));
        Map<DutyKind, TreeMap<Long, Row>> found = new EnumMap<>(DutyKind.class);
        Map<DutyKind, Long> totals = new EnumMap<>(DutyKind.class);
        jdbc.sql(sql).params(params).query(rs -> {
            Tier tier = Tier.valueOf(rs.getString("sort_tier"));
            for (DutyKind kind : every.keySet()) {
                String k = kind == DutyKind.VISIT ? "visit" : "call";
                totals.put(kind, rs.getLong(k + "s_due"));
                if (rs.getInt(k + "_due") == 1 && rs.getLong(k + "_rank") <= rows) {
                    OffsetDateTime at = rs.getObject("last_" + k, OffsetDateTime.class);
                    LocalDate lastOn = at == null ? null : LocalDate.ofInstant(at.toInstant(), zone);
                    int n = every.get(kind).days(tier);
                    found.computeIfAbsent(kind, x -> new TreeMap<>()).put(rs.getLong(k + "_rank"), new Row(
                            rs.getLong("id"), rs.getString("code"), rs.getString("name"), tier,
                            rs.getString("display_name"), lastOn, DutyMath.dueOn(lastOn, n, today), n));
                }
            }
        });
        List<DueList> lists = new ArrayList<>();
        for (DutyKind kind : every.keySet()) {
            List<Row> ranked = List.copyOf(found.getOrDefault(kind, new TreeMap<>()).values());
            lists.add(new DueList(kind, ranked, totals.getOrDefault(kind, 0L), every.get(kind).window()));
        }
        return lists;
    }

    private static String alias(DutyKind kind) {
        return kind == DutyKind.VISIT ? "v" : "p";
    }
}

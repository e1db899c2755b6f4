package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.scoring.prospect.DayMedian;
import com.keyaccount.crm.scoring.prospect.FunnelFlows.Moves;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stage changes since a period began, in one statement: counted per move (from → to, during
 * or after the period), and per stage how many stays that ended during it lasted how many days
 * (business days between reaching the stage and leaving it), of which {@link DayMedian} takes the
 * median. A stay began at the prospect's change before (LAG over the changes since the period
 * began; for the first of them, the latest change before it, one index lookup) or, for its first
 * stay, when the customer was created. Only the changes since the period began are read, not the
 * whole history, and nothing is sorted but those changes by prospect.
 */
final class FunnelMoves {

    /** @param medianDays per stage, the median days of the stays that ended in the period */
    record Result(List<Moves> moves, Map<String, Double> medianDays) {
    }

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final int offsetSeconds;

    private final ProspectFlowStore flows;

    FunnelMoves(JdbcTemplate jdbc, DatabaseVendor database, ZoneId zone, ProspectFlowStore flows) {
        this.jdbc = jdbc;
        this.postgres = !database.isH2();
        this.offsetSeconds = zone.getRules().getOffset(Instant.now()).getTotalSeconds();
        this.flows = flows;
    }

    /**
     * On PostgreSQL, for this read-only transaction: sorts of a period's changes stay in memory
     * (the default 4 MB spills a quarter's changes of a large book to disk), and no JIT: compiling
     * the aggregates costs more than it saves on statements that run well under a second.
     */
    void tune() {
        if (postgres) {
            jdbc.execute("SET LOCAL work_mem = '32MB'");
            jdbc.execute("SET LOCAL jit = off");
        }
    }

    /**
     * The business day an instant falls on, as a day number (days since 1970-01-01 there), from
     * the zone's offset now: the business zone (Asia/Shanghai) keeps one offset all year.
     */
    private String day(String instant) {
        // PostgreSQL's EXTRACT answers in numeric since version 14, a tenth of the statement's time
        // over a quarter's changes; date_part answers in double precision, which H2 lacks
        String epoch = postgres ? "date_part('epoch', " + instant + ")" : "EXTRACT(EPOCH FROM " + instant + ")";
        return "FLOOR((" + epoch + " + " + offsetSeconds + ") / 86400)";
    }

    Result of(ProspectSql sql, FunnelFilter filter) {
        if (filter.wholeBook() && flows.inStep()) {
            return summed(filter);
        }
        List<Object> args = new ArrayList<>();
        String start = sql.startOf(filter.from());
        String end = sql.startOf(filter.to().plusDays(1));
        // A stage change is only written with its prospect row, so a customer with changes is a
        // prospect: not being deleted is all its changes must pass. The whole book's funnel then
        // reads no customer row per change (a hashed anti-join against the few deleted ones).
        String changes = filter.wholeBook()
                ? "prospect_stage_change s WHERE s.changed_at >= " + start
                        + " AND s.customer_id NOT IN (SELECT d.id FROM customer d WHERE d.deleted = TRUE)"
                : "prospect_stage_change s JOIN customer c ON c.id = s.customer_id WHERE s.changed_at >= " + start
                        + " AND c.deleted = FALSE" + filter.where(args);
        List<Moves> moves = new ArrayList<>();
        Map<String, Double> medians = new HashMap<>();
        Map<String, Map<Integer, Long>> days = new HashMap<>();
        jdbc.query("""
                WITH r AS (
                  SELECT s.customer_id, s.from_stage, s.to_stage, s.changed_at,
                         LAG(s.changed_at) OVER (PARTITION BY s.customer_id ORDER BY s.changed_at, s.id) AS before
                  FROM %1$s)
                SELECT 1 AS part, from_stage, to_stage, inside, CAST(NULL AS INTEGER) AS days, COUNT(*) AS n FROM (
                  SELECT from_stage, to_stage, CASE WHEN changed_at < %2$s THEN 1 ELSE 0 END AS inside FROM r) m
                GROUP BY from_stage, to_stage, inside
                UNION ALL
                SELECT 2, stage, NULL, NULL, days, COUNT(*) FROM (
                  SELECT from_stage AS stage, CAST(%3$s - %4$s AS INTEGER) AS days
                  FROM r WHERE changed_at < %2$s) d
                GROUP BY stage, days""".formatted(changes, end, day("changed_at"), day("""
                COALESCE(before, (SELECT MAX(q.changed_at) FROM prospect_stage_change q
                    WHERE q.customer_id = r.customer_id AND q.changed_at < r.changed_at),
                  (SELECT k.created_at FROM customer k WHERE k.id = r.customer_id))""")),
                rs -> {
                    if (rs.getInt("part") == 2) {
                        days.computeIfAbsent(rs.getString("from_stage"), k -> new HashMap<>())
                                .merge(rs.getInt("days"), rs.getLong("n"), Long::sum);
                    } else {
                        moves.add(new Moves(rs.getString("from_stage"), rs.getString("to_stage"),
                                rs.getInt("inside") == 1, rs.getLong("n")));
                    }
                }, args.toArray());
        days.forEach((stage, counts) -> medians.put(stage, DayMedian.of(counts)));
        return new Result(moves, medians);
    }

    /**
     * The whole book's figures from the summary the database keeps ({@link ProspectFlowStore}): a
     * few thousand rows a quarter however many changes it had; the same figures as the changes give.
     */
    private Result summed(FunnelFilter filter) {
        long start = filter.from().toEpochDay();
        long end = filter.to().plusDays(1).toEpochDay();
        List<Moves> moves = new ArrayList<>();
        Map<String, Map<Integer, Long>> days = new HashMap<>();
        jdbc.query("""
                SELECT 1 AS part, from_stage, to_stage, CASE WHEN day < ? THEN 1 ELSE 0 END AS inside,
                       CAST(NULL AS INTEGER) AS days, SUM(changes) AS n
                FROM prospect_flow_day WHERE day >= ? GROUP BY from_stage, to_stage, inside
                UNION ALL
                SELECT 2, from_stage, NULL, NULL, stay_days, SUM(changes)
                FROM prospect_flow_day WHERE day >= ? AND day < ? GROUP BY from_stage, stay_days""", rs -> {
                    long n = rs.getLong("n");
                    if (n == 0) {
                        return;
                    }
                    if (rs.getInt("part") == 2) {
                        days.computeIfAbsent(rs.getString("from_stage"), k -> new HashMap<>())
                                .merge(rs.getInt("days"), n, Long::sum);
                    } else {
                        moves.add(new Moves(rs.getString("from_stage"), rs.getString("to_stage"),
                                rs.getInt("inside") == 1, n));
                    }
                }, end, start, start, end);
        Map<String, Double> medians = new HashMap<>();
        days.forEach((stage, counts) -> medians.put(stage, DayMedian.of(counts)));
        return new Result(moves, medians);
    }
}

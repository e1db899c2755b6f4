package com.keyaccount.crm.demo;

import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.prospect.rules.Evidence;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.Requirement;
import com.keyaccount.crm.prospect.rules.SeedLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Puts the demo's prospects on the seed's ladder, so the prospect pages and the funnel have
 * something to show: each prospect climbed to a stage over the last months (some were refused,
 * A31), with the conditions of every stage it passed ticked on the day it moved, and a grade. A
 * share of today's customers came the same way: their history ends at A02 on their first order,
 * a few at A01.
 */
final class DemoProspects {

    /** Where prospects stand, by weight: the ladder's shape in a real book (many leads, few near closing). */
    private static final String[] STAGES = {"A21", "A08", "A07", "A31", "A06", "A05", "A04", "A03"};
    private static final int[] WEIGHTS = {30, 20, 12, 8, 10, 8, 7, 5};
    private static final String[] CODES = {"A21", "A08", "A07", "A06", "A05", "A04", "A03", "A02", "A01"};

    private static final String FOLLOW_UP = "电话跟进：确认需求、预算和时间表，约定下次沟通";

    private final JdbcTemplate jdbc;
    private final SplittableRandom random;
    private final Instant now;
    private final ProspectLadder ladder = SeedLadder.ladder();

    DemoProspects(JdbcTemplate jdbc, long seed, Instant now) {
        this.jdbc = jdbc;
        this.random = new SplittableRandom(seed);
        this.now = now;
    }

    private record Row(long id, long owner, String ownerName, boolean prospect, Instant created, Instant firstOrder, Long decisionMaker) {
    }

    int write(ZoneId zone) {
        List<Row> rows = jdbc.query("""
                SELECT c.id, c.owner_id, u.username, c.status, c.created_at, o.first_order, k.dm
                FROM customer c JOIN app_user u ON u.id = c.owner_id
                LEFT JOIN (SELECT customer_id, MIN(order_date) AS first_order FROM sales_order
                           WHERE amount > 0 GROUP BY customer_id) o ON o.customer_id = c.id
                LEFT JOIN (SELECT customer_id, MIN(id) AS dm FROM contact
                           WHERE decision_role = 'DECISION_MAKER' GROUP BY customer_id) k ON k.customer_id = c.id
                WHERE c.status IN ('PROSPECT', 'ACTIVE') ORDER BY c.id""", (rs, n) -> new Row(
                rs.getLong(1), rs.getLong(2), rs.getString(3), "PROSPECT".equals(rs.getString(4)),
                rs.getTimestamp(5).toInstant(),
                rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate().atTime(10, 0).atZone(zone).toInstant(),
                rs.getObject(7, Long.class)));
        int written = 0;
        try (JdbcBatch prospects = new JdbcBatch(jdbc, """
                INSERT INTO prospect (customer_id, stage, stage_since, close_class, expected_monthly_value, graded_at,
                                      refusal_reason, refusal_note, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)""");
             JdbcBatch changes = new JdbcBatch(jdbc, """
                INSERT INTO prospect_stage_change (customer_id, from_stage, to_stage, changed_at, changed_by,
                                                   ladder_version, conditions, reason)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?)""");
             JdbcBatch logs = new JdbcBatch(jdbc, """
                INSERT INTO contact_log (customer_id, author_id, channel, occurred_at, summary, submission_token,
                                         created_at)
                VALUES (?, ?, 'PHONE', ?, ?, ?, ?)""");
             JdbcBatch ticks = new JdbcBatch(jdbc, """
                INSERT INTO prospect_tick (customer_id, condition_key, confirmed_on, note, contact_id, ticked_by_id,
                                           ticked_at)
                VALUES (?, ?, ?, NULL, ?, ?, ?)""")) {
            for (Row r : rows) {
                boolean converted = !r.prospect() && r.firstOrder() != null && random.nextInt(100) < 12;
                if (!r.prospect() && !converted) {
                    continue;
                }
                String target = r.prospect() ? draw() : random.nextInt(100) < 30 ? "A01" : "A02";
                Instant end = r.prospect() ? now.minus(Duration.ofDays(random.nextInt(1, 60))) : r.firstOrder();
                Instant start = end.minus(Duration.ofDays(random.nextInt(60, 300)));
                List<String> path = path(target);
                Instant at = start;
                String from = "A21";
                for (String stage : path.subList(1, path.size())) {
                    at = at.plus(Duration.between(at, end).dividedBy(Math.max(2, path.size() - path.indexOf(stage))));
                    if (stage.equals("A01")) {
                        Instant closed = end.plus(Duration.ofDays(random.nextInt(20, 90)));
                        at = closed.isAfter(now) ? now : closed;
                    }
                    List<String> met = tick(r, stageOf(stage), at, zone, ticks::add);
                    changes.add(new Object[] {r.id(), from, stage, Timestamp.from(at), r.ownerName(),
                            met.isEmpty() ? null : String.join(",", met), null});
                    from = stage;
                }
                boolean refused = target.equals("A31");
                CloseClass close = r.prospect() ? closeClassAt(target) : null;
                BigDecimal value = r.prospect() ? BigDecimal.valueOf(random.nextInt(5, 300) * 1000L) : null;
                prospects.add(new Object[] {r.id(), target, Timestamp.from(path.size() > 1 ? at : r.created()),
                        close == null ? null : close.name(), value, close == null ? null : Timestamp.from(at),
                        refused ? RefusalReason.values()[random.nextInt(RefusalReason.values().length - 1)].name()
                                : null, null});
                if (close != null) {
                    // followed up within its class's rhythm, as a salesperson who keeps their 追踪志 does
                    Instant last = now.minus(Duration.ofHours(close.defaultCadenceDays() == 1
                            ? random.nextInt(1, 9) : random.nextInt(24, close.defaultCadenceDays() * 24)));
                    logs.add(new Object[] {r.id(), r.owner(), Timestamp.from(last), FOLLOW_UP,
                            new java.util.UUID(random.nextLong(), random.nextLong()).toString(), Timestamp.from(last)});
                }
                written++;
            }
        }
        return written;
    }

    private String draw() {
        int r = random.nextInt(100);
        for (int i = 0; i < STAGES.length; i++) {
            r -= WEIGHTS[i];
            if (r < 0) {
                return STAGES[i];
            }
        }
        return "A21";
    }

    private static List<String> path(String target) {
        if (target.equals("A31")) {
            return List.of("A21", "A08", "A31");
        }
        List<String> path = new ArrayList<>();
        for (String code : CODES) {
            path.add(code);
            if (code.equals(target)) {
                break;
            }
        }
        return path;
    }

    private StageDefinition stageOf(String code) {
        return ladder.stage(code).orElseThrow();
    }

    /** Ticks what the stage needed (one condition of a one-of stage); returns the keys that held. */
    private List<String> tick(Row r, StageDefinition stage, Instant at, ZoneId zone,
            java.util.function.Consumer<Object[]> ticks) {
        List<String> met = new ArrayList<>();
        List<LadderCondition> handTicked = stage.conditions().stream()
                .filter(c -> c.evidence() == Evidence.TICK
                        || c.evidence() == Evidence.DECISION_MAKER && r.decisionMaker() != null)
                .toList();
        List<LadderCondition> chosen = stage.requirement() == Requirement.ONE_OF && !handTicked.isEmpty()
                ? List.of(handTicked.get(random.nextInt(handTicked.size()))) : handTicked;
        for (LadderCondition c : chosen) {
            ticks.accept(new Object[] {r.id(), c.key(), Date.valueOf(at.atZone(zone).toLocalDate()),
                    c.evidence() == Evidence.DECISION_MAKER ? r.decisionMaker() : null, r.owner(), Timestamp.from(at)});
            met.add(c.key());
        }
        stage.conditions().stream().filter(c -> c.evidence().automatic()).forEach(c -> met.add(c.key()));
        return stage.kind() == StageKind.LEAD ? List.of() : met;
    }

    private CloseClass closeClassAt(String stage) {
        return switch (stage) {
            case "A03", "A04" -> random.nextBoolean() ? CloseClass.A : CloseClass.B;
            case "A05", "A06" -> random.nextBoolean() ? CloseClass.B : CloseClass.C;
            case "A31" -> CloseClass.E;
            default -> random.nextInt(3) == 0 ? null : CloseClass.D;
        };
    }
}

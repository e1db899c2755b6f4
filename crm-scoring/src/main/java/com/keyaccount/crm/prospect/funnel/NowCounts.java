package com.keyaccount.crm.prospect.funnel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many of the filtered prospects stand where now, per stage, grade, refusal reason, owner and
 * region, stuck or not; and how many were created after the period. Counted over the prospects
 * ({@link #counted}), or on PostgreSQL read from the counts its triggers keep ({@link #summed},
 * {@code prospect_now}, migration V31), which know no time: there only the prospects that moved
 * (or came) within the stuck days are read one by one, and the rest of each count is stuck.
 */
final class NowCounts {

    /** One group of prospects; {@code closeClass}, {@code priority} and {@code refusalReason} null when none. */
    record Row(String stage, String closeClass, Integer priority, String refusalReason, long owner, String region,
            boolean stuck, long prospects) {

        Key key() {
            return new Key(stage, closeClass, priority, refusalReason, owner, region);
        }
    }

    private record Key(String stage, String closeClass, Integer priority, String refusalReason, long owner,
            String region) {
    }

    /** @param createdAfter prospects created after the period's last day (not there to stand in it) */
    record Result(List<Row> rows, long createdAfter) {
    }

    private static final String KEY = "%1$s AS stage, p.close_class, %2$s AS priority, p.refusal_reason, c.owner_id, c.region";
    private static final String KEY_GROUP = "%1$s, p.close_class, %2$s, p.refusal_reason, c.owner_id, c.region";

    private NowCounts() {
    }

    static Result counted(JdbcTemplate jdbc, ProspectSql sql, FunnelFilter filter, LocalDate today) {
        List<Object> args = new ArrayList<>();
        String scope = filter.where(args);
        List<Row> rows = new ArrayList<>();
        long[] createdAfter = {0};
        String stuck = "CASE WHEN " + sql.stuck(today, filter.stuckDays()) + " THEN 1 ELSE 0 END";
        String after = "CASE WHEN c.created_at >= " + sql.startOf(filter.to().plusDays(1)) + " THEN 1 ELSE 0 END";
        jdbc.query(("SELECT " + KEY + ", %3$s AS stuck, %4$s AS created_after, COUNT(*) AS n FROM %5$s WHERE %6$s%7$s"
                + " GROUP BY " + KEY_GROUP + ", %3$s, %4$s").formatted(sql.stage(), ProspectSql.PRIORITY, stuck, after,
                        ProspectSql.FROM, ProspectSql.population(), scope), rs -> {
                    Row row = row(rs, rs.getInt("stuck") == 1, rs.getString("stage"));
                    rows.add(row);
                    if (rs.getInt("created_after") == 1) {
                        createdAfter[0] += row.prospects();
                    }
                }, args.toArray());
        return new Result(rows, createdAfter[0]);
    }

    static Result summed(JdbcTemplate jdbc, ProspectSql sql, FunnelFilter filter, LocalDate today) {
        String lead = sql.ladder().lead().code();
        List<Object> args = new ArrayList<>();
        String scope = filter.where(args);
        // the prospects that moved (or came) since the stuck days began: not stuck, read one by one
        String since = ProspectSql.instant(sql.stuckBefore(today, filter.stuckDays()));
        Map<Key, Long> recent = new HashMap<>();
        List<Object> twice = new ArrayList<>(args);
        twice.addAll(args);
        jdbc.query(("SELECT " + KEY + ", COUNT(*) AS n FROM prospect p JOIN customer c ON c.id = p.customer_id"
                + " WHERE c.deleted = FALSE AND p.stage_since >= %3$s%4$s GROUP BY " + KEY_GROUP
                + " UNION ALL SELECT '' AS stage, NULL, NULL, NULL, c.owner_id, c.region, COUNT(*) FROM customer c"
                + " WHERE c.deleted = FALSE AND c.status = 'PROSPECT' AND c.created_at >= %3$s%4$s"
                + " AND NOT EXISTS (SELECT 1 FROM prospect q WHERE q.customer_id = c.id) GROUP BY c.owner_id, c.region")
                .formatted("p.stage", ProspectSql.PRIORITY, since, scope),
                rs -> {
                    Row row = row(rs, false, stageOrLead(rs.getString("stage"), lead));
                    recent.merge(row.key(), row.prospects(), Long::sum);
                }, twice.toArray());
        List<Row> rows = new ArrayList<>();
        List<Object> scoped = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (!filter.book().all()) {
            where.append(" AND ").append(filter.book().sql("n.owner_id"));
        }
        if (filter.region() != null) {
            where.append(" AND n.region = ?");
            scoped.add(filter.region().name());
        }
        jdbc.query("""
                SELECT n.stage, NULLIF(n.close_class, '') AS close_class, NULLIF(n.priority, 0) AS priority,
                       NULLIF(n.refusal_reason, '') AS refusal_reason, n.owner_id, n.region, n.prospects AS n
                FROM prospect_now n WHERE n.prospects <> 0""" + where, rs -> {
                    Row all = row(rs, false, stageOrLead(rs.getString("stage"), lead));
                    long moved = recent.getOrDefault(all.key(), 0L);
                    boolean settled = sql.settled(all.stage());
                    rows.add(new Row(all.stage(), all.closeClass(), all.priority(), all.refusalReason(), all.owner(),
                            all.region(), false, settled ? all.prospects() : moved));
                    if (!settled && all.prospects() > moved) {
                        rows.add(new Row(all.stage(), all.closeClass(), all.priority(), all.refusalReason(),
                                all.owner(), all.region(), true, all.prospects() - moved));
                    }
                }, scoped.toArray());
        Long after = jdbc.queryForObject("SELECT COUNT(*) FROM " + ProspectSql.FROM + " WHERE c.created_at >= "
                + sql.startOf(filter.to().plusDays(1)) + " AND " + ProspectSql.population() + scope, Long.class,
                args.toArray());
        return new Result(rows, after == null ? 0 : after);
    }

    private static String stageOrLead(String stage, String lead) {
        return stage == null || stage.isEmpty() ? lead : stage;
    }

    private static Row row(ResultSet rs, boolean stuck, String stage) throws SQLException {
        int priority = rs.getInt("priority");
        Integer priorityClass = rs.wasNull() ? null : priority;
        return new Row(stage, rs.getString("close_class"), priorityClass, rs.getString("refusal_reason"),
                rs.getLong("owner_id"), rs.getString("region"), stuck, rs.getLong("n"));
    }
}

package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.funnel.Funnel.Group;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where the filtered prospects stand now: the groups {@link NowCounts} gives (stage, close-time
 * class, priority class, refusal reason, owner, region, stuck or not; a few hundred), summed up
 * here per stage and per owner and region.
 */
final class FunnelNow {

    private static final Comparator<Group> LARGEST_FIRST = Comparator.comparingLong(Group::prospects).reversed()
            .thenComparing(Group::label, Comparator.nullsLast(Comparator.naturalOrder()));

    final Map<String, Long> now = new HashMap<>();
    final Map<String, Long> stuck = new HashMap<>();
    final Map<String, Map<String, Long>> byClose = new HashMap<>();
    final Map<String, Map<String, Long>> byPriority = new HashMap<>();
    final Map<RefusalReason, Long> reasons = new EnumMap<>(RefusalReason.class);
    private final Map<Long, Group> managers = new HashMap<>();
    private final Map<String, Group> regions = new HashMap<>();
    private final ProspectLadder ladder;
    private final Map<Long, String> ownerNames;
    long createdAfter;
    Group total = new Group(null, null, 0, 0, 0, 0, 0);

    private FunnelNow(ProspectLadder ladder, Map<Long, String> ownerNames) {
        this.ladder = ladder;
        this.ownerNames = ownerNames;
    }

    static FunnelNow read(JdbcTemplate jdbc, ProspectSql sql, FunnelFilter filter, LocalDate today, boolean summed) {
        Map<Long, String> names = new HashMap<>();
        jdbc.query("SELECT id, display_name FROM app_user", rs -> {
            names.put(rs.getLong("id"), rs.getString("display_name"));
        });
        FunnelNow figures = new FunnelNow(sql.ladder(), names);
        NowCounts.Result counts = summed ? NowCounts.summed(jdbc, sql, filter, today)
                : NowCounts.counted(jdbc, sql, filter, today);
        for (NowCounts.Row row : counts.rows()) {
            figures.stage(row);
            figures.group(row);
        }
        figures.createdAfter = counts.createdAfter();
        return figures;
    }

    /** Per owner, largest book first. */
    List<Group> byManager() {
        return managers.values().stream().sorted(LARGEST_FIRST).toList();
    }

    /** Per region (its code as key and label), largest first. */
    List<Group> byRegion() {
        return regions.values().stream().sorted(LARGEST_FIRST).toList();
    }

    private void stage(NowCounts.Row row) {
        String stage = row.stage();
        long n = row.prospects();
        now.merge(stage, n, Long::sum);
        if (row.stuck()) {
            stuck.merge(stage, n, Long::sum);
        }
        String close = row.closeClass();
        byClose.computeIfAbsent(stage, k -> new HashMap<>()).merge(close == null ? Funnel.NONE : close, n, Long::sum);
        String priorityClass = row.priority() == null ? Funnel.NONE : String.valueOf((char) ('A' + row.priority() - 1));
        byPriority.computeIfAbsent(stage, k -> new HashMap<>()).merge(priorityClass, n, Long::sum);
        if (row.refusalReason() != null) {
            reasons.merge(RefusalReason.valueOf(row.refusalReason()), n, Long::sum);
        }
    }

    private void group(NowCounts.Row row) {
        long n = row.prospects();
        StageKind kind = ladder.stage(row.stage()).map(StageDefinition::kind).orElse(null);
        boolean open = kind == null || !ProspectSql.SETTLED.contains(kind);
        boolean isStuck = row.stuck();
        boolean refused = kind == StageKind.REFUSAL;
        boolean won = kind == StageKind.WON || kind == StageKind.CLOSED;
        long owner = row.owner();
        String region = row.region();
        managers.compute(owner, (k, g) -> (g == null ? new Group(String.valueOf(k), ownerNames.get(k), 0, 0, 0, 0, 0) : g)
                .plus(n, open, isStuck, refused, won));
        regions.compute(region, (k, g) -> (g == null ? new Group(k, k, 0, 0, 0, 0, 0) : g)
                .plus(n, open, isStuck, refused, won));
        total = total.plus(n, open, isStuck, refused, won);
    }
}

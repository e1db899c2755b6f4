package com.keyaccount.crm.prospect.funnel;

import com.keyaccount.crm.prospect.LadderVersion;
import com.keyaccount.crm.prospect.LadderVersionRepository;
import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.application.ProspectLadders;
import com.keyaccount.crm.prospect.funnel.Funnel.Group;
import com.keyaccount.crm.prospect.funnel.Funnel.Reason;
import com.keyaccount.crm.prospect.funnel.Funnel.StageRow;
import com.keyaccount.crm.prospect.rules.ProspectLadder;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.scoring.prospect.FunnelFlows;
import com.keyaccount.crm.scoring.prospect.FunnelFlows.StageFigures;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directors' funnel, by grouped SQL over the filtered prospects (never loading them): where
 * they stand now (one pass grouped by stage and class, one by owner and region), and the stage
 * changes since the period began (one pass, grouped by move, with the median length of the stays
 * that ended in the period); {@link FunnelFlows} turns those into stays and conversions.
 */
@Service
@Transactional(readOnly = true)
public class Funnels {

    private static final Comparator<Group> LARGEST_FIRST = Comparator.comparingLong(Group::prospects).reversed()
            .thenComparing(Group::label, Comparator.nullsLast(Comparator.naturalOrder()));

    private final JdbcTemplate jdbc;
    private final ProspectLadders ladders;
    private final LadderVersionRepository versions;
    private final FunnelMoves moves;
    private final Clock clock;
    private final ZoneId zone;

    public Funnels(JdbcTemplate jdbc, ProspectLadders ladders, LadderVersionRepository versions, DatabaseVendor database,
            Clock clock, ZoneId businessZone) {
        this.jdbc = jdbc;
        this.ladders = ladders;
        this.versions = versions;
        this.moves = new FunnelMoves(jdbc, database);
        this.clock = clock;
        this.zone = businessZone;
    }

    /** The stage names of the ladder in force and of the earlier versions (for stages they had). */
    public StageNames names() {
        ProspectLadders.InForce inForce = ladders.inForce();
        List<ProspectLadder> earlier = new ArrayList<>(versions.findAllByOrderByVersionDesc().stream()
                .filter(v -> v.getVersion() != inForce.version()).map(LadderVersion::getLadder).toList());
        return new StageNames(inForce.ladder(), earlier);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public Funnel funnel(FunnelFilter filter) {
        StageNames names = names();
        ProspectLadder ladder = names.ladder();
        ProspectSql sql = new ProspectSql(ladder, zone);
        moves.tune();
        Map<String, Long> now = new HashMap<>();
        Map<String, Long> stuck = new HashMap<>();
        Map<String, Map<String, Long>> byClose = new HashMap<>();
        Map<String, Map<String, Long>> byPriority = new HashMap<>();
        Map<RefusalReason, Long> reasons = new EnumMap<>(RefusalReason.class);
        long[] createdAfter = new long[1];
        List<Object> args = new ArrayList<>();
        String scope = filter.where(args);
        jdbc.query("""
                SELECT stage, close_class, priority, stuck, refusal_reason, created_after, COUNT(*) AS n FROM (
                  SELECT %1$s AS stage, p.close_class, %2$s AS priority, CASE WHEN %3$s THEN 1 ELSE 0 END AS stuck,
                         p.refusal_reason, CASE WHEN c.created_at >= %4$s THEN 1 ELSE 0 END AS created_after
                  FROM %5$s WHERE %6$s%7$s) x
                GROUP BY stage, close_class, priority, stuck, refusal_reason, created_after"""
                .formatted(sql.stage(), ProspectSql.PRIORITY, sql.stuck(today(), filter.stuckDays()),
                        sql.startOf(filter.to().plusDays(1)), ProspectSql.FROM, ProspectSql.population(), scope),
                rs -> {
                    String stage = rs.getString("stage");
                    long n = rs.getLong("n");
                    now.merge(stage, n, Long::sum);
                    if (rs.getInt("stuck") == 1) {
                        stuck.merge(stage, n, Long::sum);
                    }
                    String close = rs.getString("close_class");
                    byClose.computeIfAbsent(stage, k -> new HashMap<>()).merge(close == null ? Funnel.NONE : close, n,
                            Long::sum);
                    int priority = rs.getInt("priority");
                    byPriority.computeIfAbsent(stage, k -> new HashMap<>())
                            .merge(rs.wasNull() ? Funnel.NONE : String.valueOf((char) ('A' + priority - 1)), n, Long::sum);
                    String reason = rs.getString("refusal_reason");
                    if (reason != null) {
                        reasons.merge(RefusalReason.valueOf(reason), n, Long::sum);
                    }
                    if (rs.getInt("created_after") == 1) {
                        createdAfter[0] += n;
                    }
                }, args.toArray());
        FunnelMoves.Result period = moves.of(sql, filter);
        List<StageRow> stages = new ArrayList<>();
        for (StageFigures f : FunnelFlows.of(ladder, now, period.moves(), createdAfter[0])) {
            StageDefinition stage = ladder.stage(f.stage()).orElse(null);
            stages.add(new StageRow(f.stage(), stage != null, stage != null && stage.kind() == StageKind.REFUSAL,
                    f.now(), stuck.getOrDefault(f.stage(), 0L), f.stood(), f.movedUp(), f.left(),
                    period.medianDays().get(f.stage()), f.next()));
        }
        List<Group> byManager = new ArrayList<>();
        List<Group> byRegion = new ArrayList<>();
        Group total = groups(sql, filter, byManager, byRegion);
        List<Reason> ranked = reasons.entrySet().stream().map(e -> new Reason(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Reason::count).reversed()
                        .thenComparing(r -> r.reason().ordinal()))
                .toList();
        return new Funnel(filter, names, stages, byClose, byPriority, byManager, byRegion, ranked, total);
    }

    /** Per owner and per region, from one pass grouped by owner, region, stage and stuck; returns the total. */
    private Group groups(ProspectSql sql, FunnelFilter filter, List<Group> byManager, List<Group> byRegion) {
        ProspectLadder ladder = sql.ladder();
        Map<Long, Group> managers = new LinkedHashMap<>();
        Map<String, Group> regions = new LinkedHashMap<>();
        Group[] total = {new Group(null, null, 0, 0, 0, 0, 0)};
        List<Object> args = new ArrayList<>();
        String scope = filter.where(args);
        jdbc.query("""
                SELECT owner_id, owner_name, region, stage, stuck, COUNT(*) AS n FROM (
                  SELECT c.owner_id, u.display_name AS owner_name, c.region, %1$s AS stage,
                         CASE WHEN %2$s THEN 1 ELSE 0 END AS stuck
                  FROM %3$s JOIN app_user u ON u.id = c.owner_id WHERE %4$s%5$s) x
                GROUP BY owner_id, owner_name, region, stage, stuck"""
                .formatted(sql.stage(), sql.stuck(today(), filter.stuckDays()), ProspectSql.FROM,
                        ProspectSql.population(), scope),
                rs -> {
                    long n = rs.getLong("n");
                    StageKind kind = ladder.stage(rs.getString("stage")).map(StageDefinition::kind).orElse(null);
                    boolean open = kind == null || !ProspectSql.SETTLED.contains(kind);
                    boolean isStuck = rs.getInt("stuck") == 1;
                    boolean refused = kind == StageKind.REFUSAL;
                    boolean won = kind == StageKind.WON || kind == StageKind.CLOSED;
                    long owner = rs.getLong("owner_id");
                    String region = rs.getString("region");
                    String ownerName = rs.getString("owner_name");
                    managers.compute(owner, (k, g) -> (g == null ? empty(String.valueOf(k), ownerName) : g)
                            .plus(n, open, isStuck, refused, won));
                    regions.compute(region, (k, g) -> (g == null ? empty(k, k) : g).plus(n, open, isStuck, refused, won));
                    total[0] = total[0].plus(n, open, isStuck, refused, won);
                }, args.toArray());
        byManager.addAll(managers.values().stream().sorted(LARGEST_FIRST).toList());
        byRegion.addAll(regions.values().stream().sorted(LARGEST_FIRST).toList());
        return total[0];
    }

    private static Group empty(String key, String label) {
        return new Group(key, label, 0, 0, 0, 0, 0);
    }
}

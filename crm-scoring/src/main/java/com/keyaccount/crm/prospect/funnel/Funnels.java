package com.keyaccount.crm.prospect.funnel;

import com.github.benmanes.caffeine.cache.Cache;
import com.keyaccount.crm.kept.FigureVersion;
import com.keyaccount.crm.kept.FigureVersion.Versioned;
import com.keyaccount.crm.prospect.LadderVersion;
import com.keyaccount.crm.prospect.LadderVersionRepository;
import com.keyaccount.crm.prospect.application.ProspectLadders;
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
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directors' funnel, by grouped SQL over the filtered prospects (never loading them): where
 * they stand now ({@link FunnelNow}: one pass, grouped by stage and class and by owner and
 * region), and the stage changes since the period began ({@link FunnelMoves}: one pass, grouped
 * by move, with the median length of the stays that ended in the period); {@link FunnelFlows}
 * turns those into stays and conversions.
 */
@Service
public class Funnels {

    private final JdbcTemplate jdbc;
    private final ProspectLadders ladders;
    private final LadderVersionRepository versions;
    private final FunnelMoves moves;
    /** Where prospects stand now is counted by PostgreSQL's triggers (migration V31), on H2 over the prospects. */
    private final boolean postgres;
    private final Clock clock;
    private final ZoneId zone;
    private final FigureVersion figures;
    /**
     * A director goes back and forth between the funnel and the prospects behind its figures: each
     * filter's funnel is kept as briefly as the dashboard's overview, under the same
     * {@link FigureVersion} (stage changes, made on the prospect's page, do not raise it), and
     * computed once however many ask at the same moment.
     */
    private final Cache<Versioned<FunnelFilter>, Funnel> recent;

    public Funnels(JdbcTemplate jdbc, ProspectLadders ladders, LadderVersionRepository versions, DatabaseVendor database,
            ProspectFlowStore flows, Clock clock, ZoneId businessZone, FigureVersion figures) {
        this.jdbc = jdbc;
        this.figures = figures;
        this.ladders = ladders;
        this.versions = versions;
        this.moves = new FunnelMoves(jdbc, database, businessZone, flows);
        this.postgres = !database.isH2();
        this.clock = clock;
        this.zone = businessZone;
        this.recent = figures.cache(200);
    }

    /** The stage names of the ladder in force and of the earlier versions (for stages they had). */
    @Transactional(readOnly = true)
    public StageNames names() {
        ProspectLadders.InForce inForce = ladders.inForce();
        List<ProspectLadder> earlier = new ArrayList<>(versions.findAllByOrderByVersionDesc().stream()
                .filter(v -> v.getVersion() != inForce.version()).map(LadderVersion::getLadder).toList());
        return new StageNames(inForce.ladder(), earlier);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** No transaction of its own: see {@link FigureVersion#kept}. */
    public Funnel funnel(FunnelFilter filter) {
        return figures.kept(recent, filter, this::compute);
    }

    /** Computed now, past the cache: what the benchmark times. */
    @Transactional(readOnly = true)
    public Funnel compute(FunnelFilter filter) {
        StageNames names = names();
        ProspectLadder ladder = names.ladder();
        ProspectSql sql = new ProspectSql(ladder, zone);
        moves.tune();
        FunnelNow now = FunnelNow.read(jdbc, sql, filter, today(), postgres);
        FunnelMoves.Result period = moves.of(sql, filter);
        List<StageRow> stages = new ArrayList<>();
        for (StageFigures f : FunnelFlows.of(ladder, now.now, period.moves(), now.createdAfter)) {
            StageDefinition stage = ladder.stage(f.stage()).orElse(null);
            stages.add(new StageRow(f.stage(), stage != null, stage != null && stage.kind() == StageKind.REFUSAL,
                    f.now(), now.stuck.getOrDefault(f.stage(), 0L), f.stood(), f.movedUp(), f.left(),
                    period.medianDays().get(f.stage()), f.next()));
        }
        List<Reason> ranked = now.reasons.entrySet().stream().map(e -> new Reason(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Reason::count).reversed()
                        .thenComparing(r -> r.reason().ordinal()))
                .toList();
        return new Funnel(filter, names, stages, now.byClose, now.byPriority, now.byManager(), now.byRegion(), ranked,
                now.total);
    }
}

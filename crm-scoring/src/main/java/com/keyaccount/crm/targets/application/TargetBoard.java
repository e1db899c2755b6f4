package com.keyaccount.crm.targets.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.keyaccount.crm.kept.FigureVersion;
import com.keyaccount.crm.kept.FigureVersion.Versioned;
import com.keyaccount.crm.org.Organisation;
import com.keyaccount.crm.org.UnitKind;
import com.keyaccount.crm.scoring.targets.Leaderboard;
import com.keyaccount.crm.scoring.targets.Measure;
import com.keyaccount.crm.targets.SalesTargets;
import com.keyaccount.crm.targets.TargetPeriod;
import com.keyaccount.crm.targets.Targets;
import com.keyaccount.crm.user.Viewer;
import com.keyaccount.crm.user.application.Team;
import com.keyaccount.crm.user.application.TeamMember;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Targets against what was done (考核): for each account manager, revenue, orders and new key
 * accounts in the period so far beside their targets and the same days a year before, and the
 * customers who bought (customer growth). A director sees everyone, ranked, with the team's sums; a
 * manager sees their own row and where it stands. Sales are counted for the customer's owner now.
 * What was done is kept as the dashboard's figures are (a minute at most; a customer moved to another
 * owner raises their number).
 */
@Service
public class TargetBoard {

    private final ActualFigures actuals;
    private final SalesTargets targets;
    private final Team team;
    private final Organisation organisation;
    private final FigureVersion version;
    private final Cache<Versioned<ActualFigures.Span>, Map<Long, ActualFigures.Done>> kept;
    private final Clock clock;
    private final ZoneId zone;

    TargetBoard(ActualFigures actuals, SalesTargets targets, Team team, Organisation organisation, FigureVersion version,
            Clock clock, ZoneId businessZone) {
        this.actuals = actuals;
        this.targets = targets;
        this.team = team;
        this.organisation = organisation;
        this.version = version;
        this.kept = version.cache(100);
        this.clock = clock;
        this.zone = businessZone;
    }

    /** A person's row: their measures for the period. */
    public record Row(long userId, String name, Measure revenue, Measure orders, Measure newKeyAccounts,
            Measure buyingCustomers, int rank) {
    }

    /**
     * A unit's row: what its people (and those of the units below it) did against the unit's target;
     * its rank among the {@code rankedOf} units of its level.
     */
    public record UnitRow(long unitId, String name, UnitKind kind, int depth, Measure revenue, Measure orders,
            Measure newKeyAccounts, Measure buyingCustomers, int rank, int rankedOf) {
    }

    /**
     * The board: rows in rank order, the team's sums, through which day the period was counted,
     * and the units' rows in the organisation's order.
     */
    public record Board(TargetPeriod period, LocalDate countedTo, boolean started, List<Row> rows, Row team,
            int ranked, List<UnitRow> units) {
    }

    public Board of(Viewer viewer, TargetPeriod period) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean started = !today.isBefore(period.first());
        LocalDate to = today.isBefore(period.last()) ? today : period.last();
        Map<Long, ActualFigures.Done> now = started ? done(new ActualFigures.Span(period.first(), to)) : Map.of();
        Map<Long, ActualFigures.Done> before = started
                ? done(new ActualFigures.Span(period.first().minusYears(1), to.minusYears(1))) : Map.of();
        Map<Long, Targets> set = targets.of(period);
        List<Row> rows = new ArrayList<>();
        for (TeamMember m : team.accountManagers()) {
            ActualFigures.Done d = now.getOrDefault(m.id(), ActualFigures.Done.NONE);
            ActualFigures.Done b = before.getOrDefault(m.id(), ActualFigures.Done.NONE);
            Targets t = set.getOrDefault(m.id(), Targets.NONE);
            rows.add(new Row(m.id(), m.displayName(), new Measure(d.revenue(), t.revenue(), b.revenue()),
                    Measure.of(d.orders(), t.orders(), b.orders()),
                    Measure.of(d.newKeyAccounts(), t.newKeyAccounts(), b.newKeyAccounts()),
                    Measure.of(d.buyingCustomers(), null, b.buyingCustomers()), 0));
        }
        List<Row> ranked = Leaderboard.ranked(rows, Row::revenue, Row::name);
        List<Row> numbered = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Row r = ranked.get(i);
            numbered.add(new Row(r.userId(), r.name(), r.revenue(), r.orders(), r.newKeyAccounts(),
                    r.buyingCustomers(), i + 1));
        }
        // everyone keeps their rank in the whole company; a supervisor sees their people's rows and sums
        List<Row> shown = numbered.stream().filter(r -> viewer.canSee(r.userId())).toList();
        Row sums = viewer.seesOthers() ? shown.stream().reduce((a, b) -> new Row(0, null, a.revenue().plus(b.revenue()),
                a.orders().plus(b.orders()), a.newKeyAccounts().plus(b.newKeyAccounts()),
                a.buyingCustomers().plus(b.buyingCustomers()), 0)).orElse(null) : null;
        List<UnitRow> units = UnitRows.of(viewer, organisation.tree(), now, before, targets.ofUnits(period));
        return new Board(period, to, started, shown, sums, numbered.size(), units);
    }

    private Map<Long, ActualFigures.Done> done(ActualFigures.Span span) {
        return version.kept(kept, span, actuals::byOwner);
    }
}

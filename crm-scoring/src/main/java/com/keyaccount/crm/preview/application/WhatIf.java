package com.keyaccount.crm.preview.application;

import com.keyaccount.crm.churn.application.ChurnWarnings.FlaggedCounts;
import com.keyaccount.crm.followup.application.QuotaPolicies;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.preview.application.Preview.LineCounts;
import com.keyaccount.crm.preview.application.Preview.ManagerLoad;
import com.keyaccount.crm.preview.application.Preview.Move;
import com.keyaccount.crm.preview.application.Preview.WithoutLine;
import com.keyaccount.crm.preview.application.PreviewRows.Row;
import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.method.TierMethods;
import com.keyaccount.crm.scoring.pareto.ParetoExplanation;
import com.keyaccount.crm.scoring.pin.PinRule;
import com.keyaccount.crm.scoring.schedule.Attainment.Requirement;
import com.keyaccount.crm.scoring.schedule.Attainment;
import com.keyaccount.crm.scoring.scorecard.ScorecardExplanation;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import com.keyaccount.crm.tier.application.KeptWindowFigures;
import com.keyaccount.crm.tier.application.ScorecardServiceFigures;
import org.springframework.stereotype.Service;

/**
 * The what-if preview of a draft: the recompute's figures over the draft's window, the same
 * classifiers, and nothing written. Reads only, so it runs while people work and while a
 * recompute runs (it then compares against the tiers stored so far).
 */
@Service
public class WhatIf {

    static final int LISTED = 100;
    /** The executor the churn counts are read on, beside the tiers (the application's side reads). */
    public static final String CHURN_EXECUTOR = "previewChurnExecutor";
    private static final Logger log = LoggerFactory.getLogger(WhatIf.class);

    private final JdbcTemplate jdbc;
    private final QuotaPolicies quotaPolicies;
    private final DraftChurnCounts churnCounts;
    private final Clock clock;
    private final ZoneId zone;
    private final PreviewRows rows;
    private final ScorecardServiceFigures serviceFigures;

    WhatIf(JdbcTemplate jdbc, QuotaPolicies quotaPolicies, DraftChurnCounts churnCounts, Clock clock, ZoneId businessZone,
            DatabaseVendor database, KeptWindowFigures kept, ScorecardServiceFigures serviceFigures) {
        this.jdbc = jdbc;
        this.quotaPolicies = quotaPolicies;
        this.churnCounts = churnCounts;
        this.clock = clock;
        this.zone = businessZone;
        this.rows = new PreviewRows(jdbc, kept, database);
        this.serviceFigures = serviceFigures;
    }

    public Preview preview(RuleSet draft) {
        long started = System.nanoTime();
        CompletableFuture<FlaggedCounts> counting = churnCounts.start(draft.churn());
        Tally tally = tally(draft);
        log.debug("What-if preview: tiers read and classified in {} ms", (System.nanoTime() - started) / 1_000_000);
        Map<Long, String[]> names = describe(tally.listed());
        FlaggedCounts churn = DraftChurnCounts.of(counting);
        return new Preview(tally.now, tally.notClassified, tally.draft, tally.ups.size(), tally.downs.size(),
                tally.newlyClassified, tally.pinnedHeld, named(tally.ups, names, LISTED),
                named(tally.downs, names, LISTED), tally.managers(ownerNames(tally.loads.keySet())), churn.now(),
                churn.draft(), LISTED, (System.nanoTime() - started) / 1_000_000, draft.measure(), tally.lines,
                tally.withoutLine);
    }

    /** Every customer the draft would move: upgrades, then downgrades, each the largest by the measure first. */
    public Stream<Move> moves(RuleSet draft) {
        Tally tally = tally(draft);
        List<Move> all = new ArrayList<>(tally.ups);
        all.addAll(tally.downs);
        int batch = 1_000;
        return IntStream.iterate(0, from -> from < all.size(), from -> from + batch).boxed().flatMap(from -> {
            List<Move> part = all.subList(from, Math.min(all.size(), from + batch));
            return named(part, describe(part), part.size()).stream();
        });
    }

    private Tally tally(RuleSet draft) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate from = today.minusMonths(draft.windowMonths()).plusDays(1);
        Tally tally = new Tally(quotaPolicies.current().quotas(), today);
        Map<Long, Row> loaded;
        List<TierDecision> decisions;
        if (draft.scope() == Scope.PRODUCT_LINE) {
            PreviewRows.PerLine perLine = rows.perLine(draft, from, today);
            loaded = perLine.rows();
            decisions = perLine.decisions();
            tally.lines = perLine.lines();
            tally.withoutLine = perLine.withoutLine();
        } else {
            loaded = rows.book(from, today);
            decisions = TierMethods.classify(draft,
                    serviceFigures.with(draft, loaded.values().stream().map(Row::figures).toList(), from, today));
        }
        for (TierDecision decision : decisions) {
            tally.add(loaded.get(decision.customerId()), decision, today);
        }
        Comparator<Move> largestFirst = largestFirst(draft.measure());
        tally.ups.sort(largestFirst);
        tally.downs.sort(largestFirst);
        return tally;
    }

    private final class Tally {
        final Map<Tier, Long> now = PreviewRows.counts();
        final Map<Tier, Long> draft = PreviewRows.counts();
        final List<Move> ups = new ArrayList<>();
        final List<Move> downs = new ArrayList<>();
        final Map<Long, int[]> loads = new HashMap<>();
        final Map<Long, Long> books = new HashMap<>();
        final Map<Tier, Requirement> required = new EnumMap<>(Tier.class);
        long notClassified;
        long newlyClassified;
        long pinnedHeld;
        List<LineCounts> lines = List.of();
        WithoutLine withoutLine;

        Tally(VisitQuotas quotas, LocalDate today) {
            for (Tier tier : Tier.values()) {
                required.put(tier, Attainment.required(tier, quotas, today, today.plusDays(29)));
            }
        }

        void add(Row row, TierDecision decision, LocalDate today) {
            Tier after = PinRule.effective(decision.tier(), row.pinned(), row.pinnedUntil(), row.designated(), today);
            boolean pinHolds = row.designated() || PinRule.holds(row.pinned(), row.pinnedUntil(), today);
            if (row.stored() == null) {
                notClassified++;
                newlyClassified++;
            } else {
                now.merge(row.stored(), 1L, Long::sum);
                if (pinHolds && decision.tier() != after) {
                    pinnedHeld++;
                }
                if (after != row.stored()) {
                    (after.ordinal() < row.stored().ordinal() ? ups : downs).add(move(row, decision, after));
                }
            }
            draft.merge(after, 1L, Long::sum);
            Requirement before = required.get(row.stored() == null ? Tier.C : row.stored());
            Requirement then = required.get(after);
            int[] load = loads.computeIfAbsent(row.ownerId(), id -> new int[4]);
            load[0] += before.anyContacts();
            load[1] += then.anyContacts();
            load[2] += before.onSiteVisits();
            load[3] += then.onSiteVisits();
            books.merge(row.ownerId(), 1L, Long::sum);
        }

        List<Move> listed() {
            List<Move> listed = new ArrayList<>(ups.subList(0, Math.min(LISTED, ups.size())));
            listed.addAll(downs.subList(0, Math.min(LISTED, downs.size())));
            return listed;
        }

        List<ManagerLoad> managers(Map<Long, String> owners) {
            return loads.entrySet().stream()
                    .map(e -> new ManagerLoad(e.getKey(), owners.getOrDefault(e.getKey(), "#" + e.getKey()),
                            books.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                    .sorted(Comparator.comparingInt((ManagerLoad m) -> -Math.abs(m.contactsChange()))
                            .thenComparing(ManagerLoad::owner))
                    .toList();
        }
    }

    private static Comparator<Move> largestFirst(Measure measure) {
        Comparator<Move> by = measure == Measure.GROSS_MARGIN
                ? Comparator.comparing(m -> m.margin() == null ? BigDecimal.ZERO : m.margin())
                : Comparator.comparing(Move::revenue);
        return by.reversed().thenComparingLong(Move::customerId);
    }

    private static Move move(Row row, TierDecision decision, Tier after) {
        Integer score = decision.explanation() instanceof ScorecardExplanation s ? s.total() : null;
        BigDecimal share = decision.explanation() instanceof ParetoExplanation p ? p.shareBefore() : null;
        CustomerFigures f = row.figures();
        return new Move(f.customerId(), null, null, null, row.stored(), after, f.revenue(), f.orderCount(),
                f.averageDaysToPay(), score, share, f.margin());
    }

    private static List<Move> named(List<Move> moves, Map<Long, String[]> names, int limit) {
        return moves.subList(0, Math.min(limit, moves.size())).stream().map(m -> {
            String[] n = names.getOrDefault(m.customerId(), new String[] {"", "", ""});
            return new Move(m.customerId(), n[0], n[1], n[2], m.from(), m.to(), m.revenue(), m.orders(),
                    m.averageDaysToPay(), m.score(), m.shareBefore(), m.margin());
        }).toList();
    }

    private Map<Long, String[]> describe(List<Move> moves) {
        if (moves.isEmpty()) {
            return Map.of();
        }
        String in = moves.stream().map(m -> "?").collect(Collectors.joining(","));
        Map<Long, String[]> names = new HashMap<>();
        jdbc.query("SELECT c.id, c.code, c.name, u.display_name FROM customer c JOIN app_user u ON u.id = c.owner_id "
                + "WHERE c.id IN (" + in + ")", rs -> {
                    names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }, moves.stream().map(Move::customerId).toArray());
        return names;
    }

    private Map<Long, String> ownerNames(Set<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(","));
        return jdbc.query("SELECT id, display_name FROM app_user WHERE id IN (" + in + ")",
                (rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)), ids.toArray())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

}

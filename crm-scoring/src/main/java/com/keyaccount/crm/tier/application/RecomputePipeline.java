package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.method.PerLineTiers;
import com.keyaccount.crm.scoring.method.TierMethods;
import com.keyaccount.crm.scoring.pareto.ParetoExplanation;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.LineRankings;
import com.keyaccount.crm.tier.LineRankings.LineOrder;
import com.keyaccount.crm.tier.ParetoRankings;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.TiersChanged;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one recompute does, under the policy in force: one SQL aggregate over the window's order
 * lines per customer (and, when tiers are ranked per product line, one per line, a line at a time),
 * classification in crm-scoring, then batched writes of only what changed (tiers, their
 * explanations, history rows) in short transactions, so account managers keep working while it
 * runs; then the moved customers' schedules. When and how often it runs is {@link TierRecompute}'s.
 * <p>
 * A Pareto ranking (each customer's rank and share of revenue before it) is written once per run
 * ({@link ParetoRankings}), not into the tier rows: a day's sales move nearly everyone's rank, so
 * only customers whose own figures, tier or policy version changed get their row rewritten.
 */
@Component
class RecomputePipeline {

    private static final Logger log = LoggerFactory.getLogger(RecomputePipeline.class);

    private final TransactionTemplate transaction;
    private final TierPolicyRepository policies;
    private final Clock clock;
    private final ZoneId zone;
    private final CustomerRows customers;
    private final TierStore store;
    private final RecomputeRuns runs;
    private final ParetoRankings rankings;
    private final LineRankings lineRankings;
    private final LineTierStore lineStore;
    private final LineWindows lineWindows;
    private final FollowUpSchedule followUps;
    private final ApplicationEventPublisher events;
    private final ScorecardServiceFigures serviceFigures;

    RecomputePipeline(JdbcTemplate jdbc, PlatformTransactionManager transactions, TierPolicyRepository policies,
            Clock clock, ZoneId businessZone, DatabaseVendor database, TierStore store, RecomputeRuns runs,
            ParetoRankings rankings, LineRankings lineRankings, LineTierStore lineStore, FollowUpSchedule followUps,
            ApplicationEventPublisher events, KeptWindowFigures kept, ScorecardServiceFigures serviceFigures) {
        this.transaction = new TransactionTemplate(transactions);
        this.policies = policies;
        this.clock = clock;
        this.zone = businessZone;
        this.customers = new CustomerRows(jdbc, transactions, kept);
        this.store = store;
        this.runs = runs;
        this.rankings = rankings;
        this.lineRankings = lineRankings;
        this.lineStore = lineStore;
        this.lineWindows = new LineWindows(jdbc, database);
        this.followUps = followUps;
        this.events = events;
        this.serviceFigures = serviceFigures;
    }

    /** Recomputes every customer's tier in the caller's thread, telling {@code progress} where it is. */
    RecomputeSummary recompute(String trigger, String actor, Consumer<RecomputeProgress> progress) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        TierPolicy policy = policies.inForceOn(today)
                .orElseThrow(() -> new IllegalStateException("no tier policy in force"));
        RuleSet rules = policy.tierRules();
        long runId = runs.start(now, trigger, actor, policy.getVersion());
        try {
            progress.accept(new RecomputeProgress(runId, "aggregate", 0, 0));
            LocalDate from = today.minusMonths(policy.getWindowMonths()).plusDays(1);
            Classified run = rules.scope() == Scope.PRODUCT_LINE
                    ? perLine(rules, from, today, runId, policy.getVersion(), now)
                    : book(rules, from, today);
            long classified = System.nanoTime();
            TierChanges changes = TierChanges.of(run.decisions(), run.rows(), policy.getVersion(), now, today);
            log.debug("Tier recompute {}: changes found in {} ms", runId, (System.nanoTime() - classified) / 1_000_000);
            int lineRows = write(changes, run, runId, policy.getVersion(), now, progress);
            long written = System.nanoTime();
            progress.accept(new RecomputeProgress(runId, "schedule", 0, 0));
            followUps.refreshInBatches(changes.rescheduled());
            // a staged row is the only way a tier in force moves: none staged, none moved
            events.publishEvent(new TiersChanged("recompute " + runId, !changes.staged().isEmpty()));
            log.debug("Tier recompute {}: load and classify {} ms, write {} ms ({} line tier rows), {} schedules {} ms",
                    runId, (classified - started) / 1_000_000, (written - classified) / 1_000_000, lineRows,
                    changes.rescheduled().size(), (System.nanoTime() - written) / 1_000_000);

            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            int customerCount = run.rows().size();
            runs.finish(runId, customerCount, changes.upgrades(), changes.downgrades(), ms);
            log.info("Tier recompute {} ({}): {} customers, {} up, {} down, {} tier rows written, {} ms", runId,
                    trigger, customerCount, changes.upgrades(), changes.downgrades(), changes.tierRows(), ms);
            return new RecomputeSummary(runId, policy.getVersion(), customerCount, changes.upgrades(),
                    changes.downgrades(), changes.tierRows(), ms);
        } catch (RuntimeException e) {
            runs.fail(runId, e);
            throw e;
        }
    }

    /**
     * What one run decided: every customer's tier (for quotas) with its row as stored; over the
     * whole book, the Pareto ranking (or none); per product line, each line's ranking and the line
     * tiers to write.
     */
    private record Classified(Map<Long, CustomerRow> rows, List<TierDecision> decisions, Ranking ranking,
            Map<Long, LineOrder> lineRankings, LineTierChanges lineChanges) {
    }

    private Classified book(RuleSet rules, LocalDate from, LocalDate today) {
        long started = System.nanoTime();
        Map<Long, CustomerRow> rows = customers.load(from, today);
        long loaded = System.nanoTime();
        List<TierDecision> decisions = TierMethods.classify(rules,
                serviceFigures.with(rules, rows.values().stream().map(CustomerRow::figures).toList(), from, today));
        log.debug("Tier recompute: {} customers read in {} ms, classified in {} ms", rows.size(),
                (loaded - started) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
        return new Classified(rows, decisions, rules.method().ranks() ? Ranking.of(decisions) : null,
                null, null);
    }

    /**
     * The customers' book figures, then each product line ranked apart, one at a time: its changed
     * line tiers are staged as soon as it is ranked, so memory holds one line's customers.
     */
    private Classified perLine(RuleSet rules, LocalDate from, LocalDate today, long runId, int version,
            Instant now) {
        Map<Long, CustomerRow> rows = customers.load(from, today);
        PerLineTiers tiers = new PerLineTiers(rules);
        LineTierChanges changes = new LineTierChanges(version, now);
        Map<Long, LineOrder> lineRankings = new HashMap<>();
        stillOurs(runId);
        lineStore.clearStage();
        lineWindows.forEachLine(from, today, (line, figures) -> {
            List<TierDecision> decisions = tiers.rank(line, figures);
            if (rules.method().ranks()) {
                Ranking ranking = Ranking.of(decisions);
                lineRankings.put(line, new LineOrder(ranking.customerIds(), ranking.sharesBefore()));
            }
            lineStore.stage(changes.compare(line, decisions, figures, lineStore.stored(line)));
        });
        return new Classified(rows, tiers.quotaTiers(rows.keySet()), null, lineRankings, changes);
    }

    /**
     * Stages the changed rows, then applies them in one short transaction; the run's rankings and
     * line tiers are replaced in the same transaction, so pages never mix two runs.
     *
     * @return how many line tier rows were written
     */
    private int write(TierChanges changes, Classified run, long runId, int version, Instant now,
            Consumer<RecomputeProgress> progress) {
        int total = changes.staged().size();
        stillOurs(runId);
        store.stage(changes.staged(), done -> progress.accept(new RecomputeProgress(runId, "write", done, total)));
        log.debug("Tier recompute {}: staged {} rows", runId, total);
        stillOurs(runId);
        return transaction.execute(status -> {
            long started = System.nanoTime();
            if (run.ranking() == null) {
                rankings.clear();
            } else {
                rankings.replace(runId, version, now, run.ranking().customerIds(), run.ranking().sharesBefore());
            }
            int lineRows = 0;
            if (run.lineChanges() == null) {
                lineRankings.clear();
                lineStore.clear();
            } else {
                lineRankings.replace(runId, version, now, run.lineRankings());
                lineRows = lineStore.applyStaged(run.lineChanges().rewritesAll(),
                        run.lineChanges().goneLines(lineStore.storedLines()));
            }
            log.debug("Tier recompute {}: rankings and line tiers stored in {} ms", runId,
                    (System.nanoTime() - started) / 1_000_000);
            if (total > 0) {
                store.applyStaged(runId);
            }
            store.pinDesignated();
            return lineRows;
        });
    }

    /**
     * Beats, and stops the run before it writes if another instance has meanwhile taken it for
     * abandoned (its heartbeats did not reach the database for minutes) and may have started
     * its own: two runs must never write tiers at once.
     */
    private void stillOurs(long runId) {
        if (!runs.beat(runId)) {
            throw new IllegalStateException("recompute " + runId + " was taken for abandoned by another server "
                    + "(no heartbeat); stopped before writing");
        }
    }

    /** A ranking run's (Pareto or bands by share of customers) ranking: customers in rank order, each one's share of revenue before it in millionths. */
    private record Ranking(long[] customerIds, int[] sharesBefore) {

        static Ranking of(List<TierDecision> decisions) {
            long[] ids = new long[decisions.size()];
            int[] shares = new int[decisions.size()];
            for (TierDecision decision : decisions) {
                ParetoExplanation p = (ParetoExplanation) decision.explanation();
                ids[p.rank() - 1] = decision.customerId();
                shares[p.rank() - 1] = p.shareBefore().movePointRight(6).intValueExact();
            }
            return new Ranking(ids, shares);
        }
    }
}

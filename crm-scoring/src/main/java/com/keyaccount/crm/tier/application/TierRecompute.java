package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.hardrules.HardRulesClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoExplanation;
import com.keyaccount.crm.scoring.scorecard.ScorecardClassifier;
import com.keyaccount.crm.scoring.scorecard.ScorecardExplanation;
import com.keyaccount.crm.tier.ParetoRankings;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierMethod;
import com.keyaccount.crm.tier.RecomputeRequests;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.TiersChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every customer's tier under the policy in force: one SQL aggregate over the
 * window's orders, classification in crm-scoring, then batched writes of only what changed
 * (tiers, their explanations, history rows) in short transactions, so account managers keep
 * working while it runs. One recompute at a time, across instances (ShedLock).
 * <p>
 * A Pareto ranking (each customer's rank and share of revenue before it) is written once per
 * run ({@link ParetoRankings}), not into the tier rows: a day's sales move nearly everyone's rank,
 * so only customers whose own figures, tier or policy version changed get their row rewritten.
 */
@Service
public class TierRecompute implements RecomputeRequests {

    static final String LOCK = "tier-recompute";
    /** Far above a recompute of 100k customers (seconds); a crashed run frees the lock after it. */
    static final Duration LONGEST_RUN = Duration.ofMinutes(30);
    static final int CHUNK = 5_000;
    private static final Logger log = LoggerFactory.getLogger(TierRecompute.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TierPolicyRepository policies;
    private final LockProvider locks;
    private final Clock clock;
    private final ZoneId zone;
    private final WindowFigures window;
    private final FollowUpSchedule followUps;
    private final TierStage stage;
    private final ApplicationEventPublisher events;
    private final ParetoRankings rankings;
    private final AtomicReference<RecomputeProgress> progress = new AtomicReference<>();
    private final AtomicReference<Request> next = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tier-recompute");
        thread.setDaemon(true);
        return thread;
    });

    public TierRecompute(JdbcTemplate jdbc, PlatformTransactionManager transactions, TierPolicyRepository policies,
            LockProvider locks, Clock clock, ZoneId businessZone, DatabaseVendor database, FollowUpSchedule followUps,
            ApplicationEventPublisher events, ParetoRankings rankings) {
        this.followUps = followUps;
        this.rankings = rankings;
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.policies = policies;
        this.locks = locks;
        this.clock = clock;
        this.zone = businessZone;
        this.stage = new TierStage(jdbc, database);
        this.window = new WindowFigures(database);
    }

    /**
     * Starts a recompute in the background, unless one is running (here or, by the runs
     * table, in another instance). Returns whether it started one.
     */
    public boolean start(String trigger, String actor) {
        if (isRunning() || !progress.compareAndSet(null, new RecomputeProgress(0, "queued", 0, 0))) {
            return false;
        }
        background.execute(() -> {
            try {
                run(trigger, actor);
            } catch (RecomputeAlreadyRunningException e) {
                log.info("Tier recompute requested by {} skipped: another one is running", actor);
            } catch (RuntimeException e) {
                log.error("Tier recompute requested by {} failed", actor, e);
            } finally {
                progress.set(null);
                Request queued = next.getAndSet(null);
                if (queued != null) {
                    start(queued.trigger(), queued.actor());
                }
            }
        });
        return true;
    }

    private record Request(String trigger, String actor) {
    }

    /** Requests made while one waits are one request. */
    @Override
    public Scheduled startNowOrNext(String trigger, String actor) {
        if (start(trigger, actor)) {
            return Scheduled.NOW;
        }
        if (progress.get() == null) {
            return Scheduled.RUNNING_ELSEWHERE;
        }
        Request request = new Request(trigger, actor);
        next.set(request);
        // the running one may have finished in between, before it could see this request
        if (progress.get() == null && next.compareAndSet(request, null)) {
            return start(trigger, actor) ? Scheduled.NOW : Scheduled.RUNNING_ELSEWHERE;
        }
        return Scheduled.AFTER_CURRENT;
    }

    /** Whether a recompute is running in this instance or, by the runs table, in another one. */
    public boolean isRunning() {
        if (progress.get() != null) {
            return true;
        }
        Integer running = jdbc.queryForObject("SELECT count(*) FROM recompute_run WHERE status = 'RUNNING' "
                + "AND started_at > ?", Integer.class, OffsetDateTime.now(clock).minus(LONGEST_RUN));
        return running != null && running > 0;
    }

    /** The running recompute's progress, if one runs in this instance. */
    public Optional<RecomputeProgress> progress() {
        return Optional.ofNullable(progress.get());
    }

    /**
     * Runs a recompute now, in the caller's thread.
     *
     * @throws RecomputeAlreadyRunningException when another recompute holds the lock
     */
    public RecomputeSummary run(String trigger, String actor) {
        Optional<SimpleLock> lock = locks.lock(
                new LockConfiguration(clock.instant(), LOCK, LONGEST_RUN, Duration.ZERO));
        if (lock.isEmpty()) {
            throw new RecomputeAlreadyRunningException();
        }
        try {
            return recompute(trigger, actor);
        } finally {
            progress.set(null);
            lock.get().unlock();
        }
    }

    private RecomputeSummary recompute(String trigger, String actor) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        TierPolicy policy = policies.inForceOn(today)
                .orElseThrow(() -> new IllegalStateException("no tier policy in force"));
        long runId = startRun(now, trigger, actor, policy.getVersion());
        try {
            progress.set(new RecomputeProgress(runId, "aggregate", 0, 0));
            LocalDate from = today.minusMonths(policy.getWindowMonths()).plusDays(1);
            Map<Long, CustomerRow> rows = load(from, today);
            long loaded = System.nanoTime();
            List<TierDecision> decisions = classify(policy, rows.values().stream().map(CustomerRow::figures).toList());
            Changes changes = compare(decisions, rows, policy.getVersion(), now, today, runId);
            Ranking ranking = policy.getMethod() == TierMethod.PARETO ? Ranking.of(decisions) : null;
            long classified = System.nanoTime();
            write(changes, ranking, runId, policy.getVersion(), now);
            long written = System.nanoTime();
            progress.set(new RecomputeProgress(runId, "schedule", 0, 0));
            followUps.refreshInBatches(changes.rescheduled);
            events.publishEvent(new TiersChanged("recompute " + runId));
            log.debug("Tier recompute {}: load {} ms, classify {} ms, write {} ms, {} schedules {} ms", runId,
                    (loaded - started) / 1_000_000, (classified - loaded) / 1_000_000,
                    (written - classified) / 1_000_000, changes.rescheduled.size(),
                    (System.nanoTime() - written) / 1_000_000);

            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            finishRun(runId, rows.size(), changes.upgrades, changes.downgrades, ms);
            log.info("Tier recompute {} ({}): {} customers, {} up, {} down, {} tier rows written, {} ms", runId,
                    trigger, rows.size(), changes.upgrades, changes.downgrades, changes.tierRows, ms);
            return new RecomputeSummary(runId, policy.getVersion(), rows.size(), changes.upgrades, changes.downgrades,
                    changes.tierRows, ms);
        } catch (RuntimeException e) {
            failRun(runId, e);
            throw e;
        }
    }

    private Map<Long, CustomerRow> load(LocalDate from, LocalDate to) {
        String sql = """
                SELECT c.id, t.effective_tier, a.revenue, a.orders, a.avg_days,
                       t.computed_tier, t.pinned_tier, t.pinned_until, t.policy_version, t.revenue AS stored_revenue,
                       t.order_count AS stored_orders, t.avg_days_to_pay AS stored_days, t.score, t.score_parts
                FROM customer c
                LEFT JOIN %s a ON a.customer_id = c.id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.deleted = FALSE""".formatted(window.aggregate());
        Map<Long, CustomerRow> rows = new HashMap<>();
        WindowFigures.stream(jdbc, sql, from, to, rs -> {
            CustomerRow row = row(rs);
            rows.put(row.figures().customerId(), row);
        });
        return rows;
    }

    private static CustomerRow row(ResultSet rs) throws SQLException {
        Date pinnedUntil = rs.getDate("pinned_until");
        int version = rs.getInt("policy_version");
        Integer storedVersion = rs.wasNull() ? null : version;
        long orders = rs.getLong("stored_orders");
        Long storedOrders = rs.wasNull() ? null : orders;
        int score = rs.getInt("score");
        Integer storedScore = rs.wasNull() ? null : score;
        return new CustomerRow(WindowFigures.of(rs),
                tier(rs.getString("computed_tier")), tier(rs.getString("effective_tier")), tier(rs.getString("pinned_tier")),
                pinnedUntil == null ? null : pinnedUntil.toLocalDate(), storedVersion, rs.getBigDecimal("stored_revenue"),
                storedOrders, rs.getBigDecimal("stored_days"), storedScore, rs.getString("score_parts"));
    }

    /** The one classification implementation, shared with previews of draft policies. */
    public static List<TierDecision> classify(TierPolicy policy, List<CustomerFigures> figures) {
        return switch (policy.getMethod()) {
            case PARETO -> ParetoClassifier.classify(figures, policy.paretoCutoffs());
            case SCORECARD -> ScorecardClassifier.classify(figures, policy.getScorecard(), policy.getWindowMonths());
            case HARD_RULES -> HardRulesClassifier.classify(figures, policy.hardRules());
        };
    }

    private static final class Changes {
        final List<Object[]> staged = new ArrayList<>();
        /** Customers whose visit cadence changes: their tier for scheduling (C until classified) moved. */
        final List<Long> rescheduled = new ArrayList<>();
        int tierRows;
        int upgrades;
        int downgrades;
    }

    private Changes compare(List<TierDecision> decisions, Map<Long, CustomerRow> rows, int version, Instant now,
            LocalDate today, long runId) {
        Changes changes = new Changes();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (TierDecision decision : decisions) {
            CustomerRow row = rows.get(decision.customerId());
            Explained e = Explained.of(decision, row.figures());
            // the explanation names the policy version, so a new version rewrites every row
            boolean tierRowChanged = row.storedComputed() != decision.tier()
                    || !Objects.equals(row.storedVersion(), version) || !sameExplanation(row, e);
            Tier effective = row.effective(decision.tier(), today);
            Tier from = row.storedEffective();
            boolean effectiveChanged = effective != from;
            if (!tierRowChanged && !effectiveChanged) {
                continue;
            }
            if (tierRowChanged) {
                changes.tierRows++;
            }
            if (effective != (from == null ? Tier.C : from)) {
                changes.rescheduled.add(decision.customerId());
            }
            if (effectiveChanged && from != null) {
                if (effective.ordinal() < from.ordinal()) {
                    changes.upgrades++;
                } else {
                    changes.downgrades++;
                }
            }
            changes.staged.add(new Object[] {decision.customerId(), decision.tier().name(), version, at,
                row.figures().revenue(), row.figures().orderCount(), e.averageDaysToPay, e.score, e.scoreParts,
                effective.name(),
                from == null ? null : from.name(),
                effectiveChanged ? reason(row, decision.tier(), effective, today) : null});
        }
        return changes;
    }

    private static String reason(CustomerRow row, Tier computed, Tier effective, LocalDate today) {
        if (effective != computed) {
            return "PINNED";
        }
        return row.pinned() != null && row.pinnedUntil() != null && row.pinnedUntil().isBefore(today)
                ? "PIN_EXPIRED" : "RECOMPUTED";
    }

    /** The row's own figures; rank and share before are the ranking's (they move with everyone's). */
    private static boolean sameExplanation(CustomerRow row, Explained e) {
        return sameNumber(row.storedRevenue(), row.figures().revenue())
                && Objects.equals(row.storedOrders(), row.figures().orderCount())
                && sameNumber(row.storedDaysToPay(), e.averageDaysToPay)
                && Objects.equals(row.storedScore(), e.score)
                && Objects.equals(row.storedScoreParts(), e.scoreParts);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static final int[] STAGE_TYPES = {Types.BIGINT, Types.VARCHAR, Types.INTEGER,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.NUMERIC, Types.BIGINT, Types.NUMERIC, Types.INTEGER, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    /**
     * Stages the changed rows in batches, then applies them with two set-based statements in
     * one short transaction: tiers with their explanations, and history for the moves; the
     * run's ranking is replaced in the same transaction, so pages never mix two runs.
     */
    private void write(Changes changes, Ranking ranking, long runId, int version, Instant now) {
        int total = changes.staged.size();
        transaction.executeWithoutResult(status -> stage.clear());
        stage.write(changes.staged, STAGE_TYPES, done -> progress.set(new RecomputeProgress(runId, "write", done, total)));
        log.debug("Tier recompute {}: staged {} rows", runId, total);
        transaction.executeWithoutResult(status -> {
            long started = System.nanoTime();
            if (ranking == null) {
                rankings.clear();
            } else {
                rankings.replace(runId, version, now, ranking.customerIds(), ranking.sharesBefore());
            }
            log.debug("Tier recompute {}: ranking stored in {} ms", runId, (System.nanoTime() - started) / 1_000_000);
            if (total == 0) {
                return;
            }
            jdbc.update("""
                    MERGE INTO customer_tier t USING tier_stage s ON t.customer_id = s.customer_id
                    WHEN MATCHED THEN UPDATE SET effective_tier = s.effective_tier, computed_tier = s.computed_tier,
                        policy_version = s.policy_version,
                        computed_at = s.computed_at, revenue = s.revenue, order_count = s.order_count,
                        avg_days_to_pay = s.avg_days_to_pay, rank_position = NULL, ranked_of = NULL,
                        share_before = NULL, score = s.score, score_parts = s.score_parts
                    WHEN NOT MATCHED THEN INSERT (customer_id, effective_tier, computed_tier, policy_version,
                        computed_at, revenue, order_count, avg_days_to_pay, score, score_parts)
                    VALUES (s.customer_id, s.effective_tier, s.computed_tier, s.policy_version, s.computed_at,
                        s.revenue, s.order_count, s.avg_days_to_pay, s.score, s.score_parts)""");
            jdbc.update("""
                    INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason, run_id)
                    SELECT customer_id, from_tier, effective_tier, policy_version, computed_at, history_reason, ?
                    FROM tier_stage WHERE history_reason IS NOT NULL""", runId);
            stage.clear();
        });
    }

    private long startRun(Instant now, String trigger, String actor, int version) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO recompute_run (started_at, trigger_kind, started_by, policy_version, status)
                    VALUES (?, ?, ?, ?, 'RUNNING')""", new String[] {"id"});
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, trigger);
            ps.setString(3, actor);
            ps.setInt(4, version);
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private void finishRun(long runId, int customers, int upgrades, int downgrades, long ms) {
        jdbc.update("""
                UPDATE recompute_run SET finished_at = ?, customers = ?, upgrades = ?, downgrades = ?, duration_ms = ?,
                    status = 'DONE' WHERE id = ?""", Timestamp.from(clock.instant()), customers, upgrades, downgrades,
                ms, runId);
    }

    private void failRun(long runId, RuntimeException e) {
        String message = Objects.toString(e.getMessage(), e.getClass().getSimpleName());
        jdbc.update("UPDATE recompute_run SET finished_at = ?, status = 'FAILED', error = ? WHERE id = ?",
                Timestamp.from(clock.instant()), message.length() > 1000 ? message.substring(0, 1000) : message, runId);
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }

    /** The explanation columns of one decision (a Pareto one's rank is in the run's {@link Ranking}). */
    private record Explained(BigDecimal averageDaysToPay, Integer score, String scoreParts) {

        static Explained of(TierDecision decision, CustomerFigures figures) {
            BigDecimal days = figures.averageDaysToPay() == null ? null
                    : BigDecimal.valueOf(figures.averageDaysToPay()).setScale(2, RoundingMode.HALF_UP);
            if (decision.explanation() instanceof ScorecardExplanation s) {
                String parts = s.parts().stream().map(part -> part.criterion() + "=" + part.points())
                        .collect(Collectors.joining(";"));
                return new Explained(days, s.total(), parts);
            }
            return new Explained(days, null, null);
        }
    }

    /** A Pareto run's ranking: customers in rank order, each one's share of revenue before it in millionths. */
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

package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.hardrules.HardRulesClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoExplanation;
import com.keyaccount.crm.scoring.scorecard.ScorecardClassifier;
import com.keyaccount.crm.scoring.scorecard.ScorecardExplanation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyRepository;
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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every customer's tier under the policy in force: one SQL aggregate over the
 * window's orders, classification in crm-scoring, then batched writes of only what changed
 * (tiers, their explanations, history rows) in short transactions, so account managers keep
 * working while it runs. One recompute at a time, across instances (ShedLock).
 */
@Service
public class TierRecompute {

    static final String LOCK = "tier-recompute";
    /** Rows per statement and transaction; 1,000 rows of 12 columns stay below the driver's parameter limit. */
    static final int CHUNK = 1_000;
    private static final Logger log = LoggerFactory.getLogger(TierRecompute.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TierPolicyRepository policies;
    private final LockProvider locks;
    private final Clock clock;
    private final ZoneId zone;
    private final String daysToPay;
    private final AtomicReference<RecomputeProgress> progress = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tier-recompute");
        thread.setDaemon(true);
        return thread;
    });

    public TierRecompute(JdbcTemplate jdbc, PlatformTransactionManager transactions, TierPolicyRepository policies,
            LockProvider locks, Clock clock, ZoneId businessZone, DataSource dataSource) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.policies = policies;
        this.locks = locks;
        this.clock = clock;
        this.zone = businessZone;
        this.daysToPay = isH2(dataSource) ? "DATEDIFF('DAY', order_date, paid_date)" : "(paid_date - order_date)";
    }

    /**
     * Starts a recompute in the background, unless one is running (here or, by the runs
     * table, in another instance). Returns whether it started one.
     */
    public boolean start(String trigger, String actor) {
        if (isRunning()) {
            return false;
        }
        progress.compareAndSet(null, new RecomputeProgress(0, "queued", 0, 0));
        background.execute(() -> {
            try {
                run(trigger, actor);
            } catch (RecomputeAlreadyRunningException e) {
                log.info("Tier recompute requested by {} skipped: another one is running", actor);
            } catch (RuntimeException e) {
                log.error("Tier recompute requested by {} failed", actor, e);
            } finally {
                progress.set(null);
            }
        });
        return true;
    }

    /** Whether a recompute is running in this instance or, by the runs table, in another one. */
    public boolean isRunning() {
        if (progress.get() != null) {
            return true;
        }
        Integer running = jdbc.queryForObject("SELECT count(*) FROM recompute_run WHERE status = 'RUNNING' "
                + "AND started_at > ?", Integer.class, OffsetDateTime.now(clock).minusHours(2));
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
                new LockConfiguration(clock.instant(), LOCK, Duration.ofHours(2), Duration.ZERO));
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
        TierPolicy policy = policies.findTopByOrderByVersionDesc()
                .orElseThrow(() -> new IllegalStateException("no tier policy"));
        long runId = startRun(now, trigger, actor, policy.getVersion());
        try {
            progress.set(new RecomputeProgress(runId, "aggregate", 0, 0));
            LocalDate from = today.minusMonths(policy.getWindowMonths()).plusDays(1);
            Map<Long, CustomerRow> rows = load(from, today);
            long loaded = System.nanoTime();
            List<TierDecision> decisions = classify(policy, rows.values().stream().map(CustomerRow::figures).toList());
            Changes changes = compare(decisions, rows, policy.getVersion(), now, today, runId);
            long classified = System.nanoTime();
            write(changes, runId);
            log.debug("Tier recompute {}: load {} ms, classify {} ms, write {} ms", runId,
                    (loaded - started) / 1_000_000, (classified - loaded) / 1_000_000,
                    (System.nanoTime() - classified) / 1_000_000);

            long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
            finishRun(runId, rows.size(), changes.upgrades, changes.downgrades, ms);
            log.info("Tier recompute {} ({}): {} customers, {} up, {} down, {} tier rows written, {} ms", runId,
                    trigger, rows.size(), changes.upgrades, changes.downgrades,
                    changes.tierRows.size() + changes.newTierRows.size(), ms);
            return new RecomputeSummary(runId, policy.getVersion(), rows.size(), changes.upgrades, changes.downgrades, ms);
        } catch (RuntimeException e) {
            failRun(runId, e);
            throw e;
        }
    }

    private Map<Long, CustomerRow> load(LocalDate from, LocalDate to) {
        String sql = """
                SELECT c.id, c.tier, a.revenue, a.orders, a.avg_days,
                       t.computed_tier, t.pinned_tier, t.pinned_until, t.revenue AS stored_revenue,
                       t.rank_position, t.share_before, t.score
                FROM customer c
                LEFT JOIN (SELECT customer_id, SUM(amount) AS revenue, COUNT(*) AS orders,
                                  AVG(CASE WHEN paid_date IS NOT NULL THEN %s END) AS avg_days
                           FROM sales_order WHERE order_date >= ? AND order_date <= ?
                           GROUP BY customer_id) a ON a.customer_id = c.id
                LEFT JOIN customer_tier t ON t.customer_id = c.id
                WHERE c.deleted = FALSE""".formatted(daysToPay);
        Map<Long, CustomerRow> rows = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setFetchSize(5_000);
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            return ps;
        }, rs -> {
            CustomerRow row = row(rs);
            rows.put(row.figures().customerId(), row);
        });
        return rows;
    }

    private static CustomerRow row(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        BigDecimal revenue = Objects.requireNonNullElse(rs.getBigDecimal("revenue"), BigDecimal.ZERO);
        double avgDays = rs.getDouble("avg_days");
        Double averageDaysToPay = rs.wasNull() ? null : avgDays;
        Date pinnedUntil = rs.getDate("pinned_until");
        int rank = rs.getInt("rank_position");
        Integer storedRank = rs.wasNull() ? null : rank;
        int score = rs.getInt("score");
        Integer storedScore = rs.wasNull() ? null : score;
        return new CustomerRow(new CustomerFigures(id, revenue, rs.getLong("orders"), averageDaysToPay),
                tier(rs.getString("computed_tier")), tier(rs.getString("tier")), tier(rs.getString("pinned_tier")),
                pinnedUntil == null ? null : pinnedUntil.toLocalDate(), rs.getBigDecimal("stored_revenue"),
                storedRank, rs.getBigDecimal("share_before"), storedScore);
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
        final List<Object[]> tierRows = new ArrayList<>();
        final List<Object[]> newTierRows = new ArrayList<>();
        final List<Object[]> effective = new ArrayList<>();
        final List<Object[]> history = new ArrayList<>();
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
            Object[] tierRow = {decision.tier().name(), version, at, row.figures().revenue(), row.figures().orderCount(),
                e.averageDaysToPay, e.rank, e.rankedOf, e.shareBefore, e.score, e.scoreParts, decision.customerId()};
            if (row.storedComputed() == null) {
                changes.newTierRows.add(tierRow);
            } else if (row.storedComputed() != decision.tier() || !sameExplanation(row, e)) {
                changes.tierRows.add(tierRow);
            }
            Tier effective = row.effective(decision.tier(), today);
            if (effective != row.storedEffective()) {
                changes.effective.add(new Object[] {effective.name(), decision.customerId()});
                Tier from = row.storedEffective();
                changes.history.add(new Object[] {decision.customerId(), from == null ? null : from.name(),
                    effective.name(), version, at, reason(row, decision.tier(), effective, today), runId});
                if (from != null && effective.ordinal() < from.ordinal()) {
                    changes.upgrades++;
                } else if (from != null) {
                    changes.downgrades++;
                }
            }
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

    private static boolean sameExplanation(CustomerRow row, Explained e) {
        return sameNumber(row.storedRevenue(), row.figures().revenue())
                && Objects.equals(row.storedRank(), e.rank)
                && sameNumber(row.storedShare(), e.shareBefore)
                && Objects.equals(row.storedScore(), e.score);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static final String[] TIER_COLUMNS = {"computed_tier VARCHAR(1)", "policy_version INTEGER",
        "computed_at TIMESTAMP WITH TIME ZONE", "revenue NUMERIC(18, 2)", "order_count BIGINT",
        "avg_days_to_pay NUMERIC(9, 2)", "rank_position INTEGER", "ranked_of INTEGER", "share_before NUMERIC(9, 6)",
        "score INTEGER", "score_parts VARCHAR(500)", "customer_id BIGINT"};

    /**
     * Writes set-based: each statement merges a whole chunk of rows given as one VALUES list,
     * instead of one statement per row (MERGE is standard SQL that PostgreSQL 15+ and H2 share).
     */
    private void write(Changes changes, long runId) {
        List<Object[]> tierRows = new ArrayList<>(changes.newTierRows);
        tierRows.addAll(changes.tierRows);
        int total = tierRows.size() + changes.effective.size() + changes.history.size();
        int[] done = {0};
        String names = Arrays.stream(TIER_COLUMNS).map(c -> c.split(" ")[0])
                .collect(Collectors.joining(", "));
        String updates = Arrays.stream(TIER_COLUMNS).map(c -> c.split(" ")[0])
                .filter(c -> !c.equals("customer_id")).map(c -> c + " = v." + c).collect(Collectors.joining(", "));
        inChunks(tierRows, chunk -> merge(chunk, TIER_COLUMNS, """
                MERGE INTO customer_tier t USING (%s) AS v(%s) ON t.customer_id = v.customer_id
                WHEN MATCHED THEN UPDATE SET %s
                WHEN NOT MATCHED THEN INSERT (%s) VALUES (%s)""".formatted("%s", names, updates, names,
                Arrays.stream(TIER_COLUMNS).map(c -> "v." + c.split(" ")[0])
                        .collect(Collectors.joining(", ")))), runId, total, done);
        inChunks(changes.effective, chunk -> merge(chunk, new String[] {"tier VARCHAR(1)", "id BIGINT"}, """
                MERGE INTO customer c USING (%s) AS v(tier, id) ON c.id = v.id
                WHEN MATCHED THEN UPDATE SET tier = v.tier"""), runId, total, done);
        inChunks(changes.history, chunk -> jdbc.batchUpdate("""
                INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", chunk, new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
                    Types.INTEGER, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.BIGINT}),
                runId, total, done);
    }

    /** Runs {@code statement} with its {@code %s} replaced by a typed VALUES list of the chunk's rows. */
    private void merge(List<Object[]> chunk, String[] columns, String statement) {
        String row = Arrays.stream(columns).map(c -> "CAST(? AS " + c.substring(c.indexOf(' ') + 1) + ")")
                .collect(Collectors.joining(", ", "(", ")"));
        String values = "VALUES " + String.join(", ", Collections.nCopies(chunk.size(), row));
        Object[] args = chunk.stream().flatMap(Arrays::stream).toArray();
        jdbc.update(statement.formatted(values), args);
    }

    private void inChunks(List<Object[]> rows, Consumer<List<Object[]>> writer, long runId,
            int total, int[] done) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            // short transactions: a recompute never holds many row locks at once
            transaction.executeWithoutResult(status -> writer.accept(chunk));
            done[0] += chunk.size();
            progress.set(new RecomputeProgress(runId, "write", done[0], total));
        }
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

    private static boolean isH2(DataSource dataSource) {
        try {
            return "H2".equalsIgnoreCase(JdbcUtils.extractDatabaseMetaData(dataSource,
                    md -> md.getDatabaseProductName()));
        } catch (MetaDataAccessException e) {
            return false;
        }
    }

    /** The explanation columns of one decision. */
    private record Explained(BigDecimal averageDaysToPay, Integer rank, Integer rankedOf, BigDecimal shareBefore,
            Integer score, String scoreParts) {

        static Explained of(TierDecision decision, CustomerFigures figures) {
            BigDecimal days = figures.averageDaysToPay() == null ? null
                    : BigDecimal.valueOf(figures.averageDaysToPay()).setScale(2, RoundingMode.HALF_UP);
            if (decision.explanation() instanceof ParetoExplanation p) {
                return new Explained(days, p.rank(), p.rankedOf(), p.shareBefore(), null, null);
            }
            if (decision.explanation() instanceof ScorecardExplanation s) {
                String parts = s.parts().stream().map(part -> part.criterion() + "=" + part.points())
                        .collect(Collectors.joining(";"));
                return new Explained(days, null, null, null, s.total(), parts);
            }
            return new Explained(days, null, null, null, null, null);
        }
    }
}

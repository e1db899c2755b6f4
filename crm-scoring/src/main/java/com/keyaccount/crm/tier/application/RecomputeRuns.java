package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.shared.Heartbeat;
import com.keyaccount.crm.shared.ServerInstance;
import com.keyaccount.crm.tier.RecomputeRun;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code recompute_run}: a row per recompute, RUNNING until it is DONE or
 * FAILED. The tiers page lists them, and every instance reads them to know whether a recompute is
 * under way anywhere.
 * <p>
 * A running run's server touches its {@code heartbeat_at} every {@link Heartbeat#EVERY}; a RUNNING
 * run silent for {@link Heartbeat#SILENT_FOR} was left by a server that stopped, and is failed
 * ("the server stopped") by whichever instance notices first, which also releases the recompute
 * lock that server held: ShedLock would otherwise keep it for {@link #LONGEST_RUN}.
 */
@Component
class RecomputeRuns {

    /**
     * Far above a recompute of 100k customers (seconds): the lock's longest hold, and how long a
     * run without a heartbeat (written before heartbeats existed) counts as running.
     */
    static final Duration LONGEST_RUN = Duration.ofMinutes(30);

    /** A run is abandoned when this holds for it (parameters: silent since, started before). */
    private static final String ABANDONED = "status = 'RUNNING' AND (heartbeat_at < ? "
            + "OR (heartbeat_at IS NULL AND started_at < ?))";
    /** The opposite, spelt out: NOT (...) of a NULL heartbeat would be NULL, not true. */
    private static final String LIVE = "status = 'RUNNING' AND (heartbeat_at >= ? "
            + "OR (heartbeat_at IS NULL AND started_at >= ?))";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ServerInstance instance;
    /** "Now" as ShedLock writes its times (database time, UTC wall clock on PostgreSQL, local on H2). */
    private final String lockNow;

    RecomputeRuns(JdbcTemplate jdbc, Clock clock, ServerInstance instance, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = instance;
        this.lockNow = database.isH2() ? "LOCALTIMESTAMP" : "timezone('utc', CURRENT_TIMESTAMP)";
    }

    /** Records a run as started; returns its id. */
    long start(Instant now, String trigger, String actor, int policyVersion) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO recompute_run (started_at, heartbeat_at, instance_id, trigger_kind, started_by,
                        policy_version, status)
                    VALUES (?, ?, ?, ?, ?, ?, 'RUNNING')""", new String[] {"id"});
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, instance.id());
            ps.setString(4, trigger);
            ps.setString(5, actor);
            ps.setInt(6, policyVersion);
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    void finish(long runId, int customers, int upgrades, int downgrades, long ms) {
        jdbc.update("""
                UPDATE recompute_run SET finished_at = ?, customers = ?, upgrades = ?, downgrades = ?, duration_ms = ?,
                    status = 'DONE' WHERE id = ?""", Timestamp.from(clock.instant()), customers, upgrades, downgrades,
                ms, runId);
    }

    void fail(long runId, RuntimeException e) {
        String message = Objects.toString(e.getMessage(), e.getClass().getSimpleName());
        jdbc.update("UPDATE recompute_run SET finished_at = ?, status = 'FAILED', error = ? WHERE id = ?",
                Timestamp.from(clock.instant()), message.length() > 1000 ? message.substring(0, 1000) : message, runId);
    }

    /**
     * Touches a running run's heartbeat. False when the run is no longer RUNNING: another
     * instance took it for abandoned, and it must not write its result.
     */
    boolean beat(long runId) {
        return jdbc.update("UPDATE recompute_run SET heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'",
                Timestamp.from(clock.instant()), runId) == 1;
    }

    /** Whether a live run (one that beats, or an old one without heartbeat started lately) is under way anywhere. */
    boolean anyUnderWay() {
        Instant now = clock.instant();
        Integer running = jdbc.queryForObject("SELECT count(*) FROM recompute_run WHERE " + LIVE, Integer.class, Timestamp.from(now.minus(Heartbeat.SILENT_FOR)),
                Timestamp.from(now.minus(LONGEST_RUN)));
        return running != null && running > 0;
    }

    /** A RUNNING run whose server stopped, and that server (null for runs from before V18). */
    record Abandoned(long id, String instance) {
    }

    List<Abandoned> abandoned() {
        Instant now = clock.instant();
        return jdbc.query("SELECT id, instance_id FROM recompute_run WHERE " + ABANDONED,
                (rs, n) -> new Abandoned(rs.getLong("id"), rs.getString("instance_id")),
                Timestamp.from(now.minus(Heartbeat.SILENT_FOR)), Timestamp.from(now.minus(LONGEST_RUN)));
    }

    /**
     * Fails an abandoned run with the reason {@link RecomputeRun#SERVER_STOPPED}, unless a
     * heartbeat came in meanwhile; true when it did so (only one instance wins).
     */
    boolean failAbandoned(long runId) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE recompute_run SET status = 'FAILED', finished_at = ?, error = ? WHERE id = ? AND "
                + ABANDONED, Timestamp.from(now), RecomputeRun.SERVER_STOPPED, runId,
                Timestamp.from(now.minus(Heartbeat.SILENT_FOR)), Timestamp.from(now.minus(LONGEST_RUN))) == 1;
    }

    /**
     * Releases the recompute lock if the stopped server {@code deadInstance} still holds it, as
     * ShedLock's own unlock does (the lock ends at once; the row stays, ShedLock expects it).
     * Written here, beside ShedLock, on purpose: only the runs know whose lock is abandoned; a lock
     * that another server took since keeps its holder's name and is not touched.
     */
    void releaseLockOf(String deadInstance) {
        if (deadInstance != null) {
            jdbc.update("UPDATE shedlock SET lock_until = locked_at WHERE name = ? AND locked_by = ?",
                    TierRecompute.LOCK, deadInstance);
        }
    }

    /**
     * Releases the recompute lock when its holder took it more than {@link Heartbeat#SILENT_FOR}
     * ago and no run is alive anywhere: a server killed after its run was recorded finished but
     * before it unlocked (or after it locked and before it recorded its run) left it. A live
     * holder is between those two steps for milliseconds, and during a longer hold its run beats.
     */
    boolean releaseOrphanedLock() {
        if (anyUnderWay()) {
            return false;
        }
        return jdbc.update("UPDATE shedlock SET lock_until = locked_at WHERE name = ? AND lock_until > " + lockNow
                + " AND locked_at < " + lockNow + " - INTERVAL '" + Heartbeat.SILENT_FOR.toSeconds() + "' SECOND",
                TierRecompute.LOCK) == 1;
    }
}

package com.keyaccount.crm.tier.application;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code recompute_run}: a row per recompute, RUNNING until it is DONE or
 * FAILED. The tiers page lists them, and every instance reads them to know whether a recompute is
 * under way anywhere.
 */
@Component
class RecomputeRuns {

    /** Far above a recompute of 100k customers (seconds); a crashed run frees the lock after it. */
    static final Duration LONGEST_RUN = Duration.ofMinutes(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RecomputeRuns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a run as started; returns its id. */
    long start(Instant now, String trigger, String actor, int policyVersion) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO recompute_run (started_at, trigger_kind, started_by, policy_version, status)
                    VALUES (?, ?, ?, ?, 'RUNNING')""", new String[] {"id"});
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, trigger);
            ps.setString(3, actor);
            ps.setInt(4, policyVersion);
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

    /** Whether a run started less than {@link #LONGEST_RUN} ago is still running, here or in another instance. */
    boolean anyUnderWay() {
        Integer running = jdbc.queryForObject("SELECT count(*) FROM recompute_run WHERE status = 'RUNNING' "
                + "AND started_at > ?", Integer.class, OffsetDateTime.now(clock).minus(LONGEST_RUN));
        return running != null && running > 0;
    }
}

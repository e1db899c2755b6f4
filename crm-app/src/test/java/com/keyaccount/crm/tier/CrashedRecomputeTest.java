package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.support.Startup;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A server killed (kill -9) mid-recompute leaves its run RUNNING and the recompute lock held for
 * 30 minutes. The next start (or any instance, once the run has been silent long enough) fails
 * that run with "the server stopped", frees the lock, and recomputes run again, a request made
 * meanwhile included; a run that another live server is doing is left alone.
 */
@FullStackTest
class CrashedRecomputeTest {

    private static final String LOCK = "tier-recompute";

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final TierRecompute recompute;
    private final LockProvider locks;
    private final ApplicationContext context;
    private final DatabaseVendor database;
    private AppUser director;

    CrashedRecomputeTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, TierRecompute recompute,
            LockProvider locks, ApplicationContext context, DatabaseVendor database) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.locks = locks;
        this.context = context;
        this.database = database;
    }

    @BeforeEach
    void idle() throws InterruptedException {
        director = fixtures.user(Role.SALES_DIRECTOR);
        Recomputes.awaitIdle(recompute);
    }

    /** Whatever a test left behind, no other test finds a run or lock of a made-up server. */
    @AfterEach
    void cleanUp() throws InterruptedException {
        jdbc.update("UPDATE recompute_run SET status = 'FAILED' WHERE status = 'RUNNING' AND started_by = 'crash-test'");
        jdbc.update("UPDATE shedlock SET lock_until = locked_at WHERE name = ? AND locked_by LIKE 'test-host/%'", LOCK);
        Recomputes.awaitIdle(recompute);
    }

    @Test
    void a_run_whose_server_was_killed_fails_at_start_up_frees_the_lock_and_recomputes_run_again() throws Exception {
        String crashed = "test-host/4242/" + Fixtures.unique("dead");
        // killed just over two minutes ago (recent enough to be among the ten runs the tiers page lists)
        Instant killed = Instant.now().minus(Duration.ofMinutes(2).plusSeconds(5));
        holdLock(crashed);
        assertThat(lockIsFree()).as("the crashed server's lock is held, as ShedLock left it").isFalse();
        long run = runningRun(crashed, killed.minusSeconds(1), killed);

        Startup.runAgain(context);

        assertThat(jdbc.queryForMap("SELECT status, error FROM recompute_run WHERE id = ?", run))
                .containsEntry("status", "FAILED").containsEntry("error", "SERVER_STOPPED");
        assertThat(tiersPage("en")).contains("failed: the server stopped");
        assertThat(tiersPage("zh-CN")).contains("失败：服务器已停止");
        assertThat(lockIsFree()).as("the dead server's lock is released").isTrue();

        String trigger = "AFTER_" + run;
        assertThat(recompute.startNowOrNext(trigger, "erp")).isEqualTo(Scheduled.NOW);
        Recomputes.awaitIdle(recompute);
        assertThat(jdbc.queryForList("SELECT status FROM recompute_run WHERE trigger_kind = ?", String.class,
                trigger)).containsExactly("DONE");
    }

    @Test
    void a_request_refused_while_a_dead_servers_run_still_looked_alive_runs_once_that_run_is_found_abandoned()
            throws Exception {
        String crashed = "test-host/4243/" + Fixtures.unique("dead");
        // killed half a minute ago: too soon to tell from a live server that is busy
        long run = runningRun(crashed, Instant.now().minus(Duration.ofMinutes(1)),
                Instant.now().minus(Duration.ofSeconds(30)));
        holdLock(crashed);
        String trigger = "ERP_" + run;

        assertThat(recompute.startNowOrNext(trigger, "erp")).isEqualTo(Scheduled.RUNNING_ELSEWHERE);
        assertThat(runsOf(trigger)).isZero();

        // minutes later, still no heartbeat from that server
        jdbc.update("UPDATE recompute_run SET heartbeat_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), run);
        recompute.heartbeat();
        Recomputes.awaitIdle(recompute);

        assertThat(jdbc.queryForObject("SELECT status FROM recompute_run WHERE id = ?", String.class, run))
                .isEqualTo("FAILED");
        assertThat(jdbc.queryForList("SELECT status FROM recompute_run WHERE trigger_kind = ?", String.class,
                trigger)).as("the refused request was not dropped").containsExactly("DONE");
    }

    @Test
    void a_run_of_another_live_server_is_left_alone_and_a_request_meanwhile_runs_after_it() throws Exception {
        String live = "test-host/77/" + Fixtures.unique("live");
        long run = runningRun(live, Instant.now().minus(Duration.ofMinutes(10)), Instant.now());
        holdLock(live);
        String trigger = "WHILE_" + run;

        Startup.runAgain(context);
        assertThat(recompute.startNowOrNext(trigger, "erp")).isEqualTo(Scheduled.RUNNING_ELSEWHERE);
        recompute.heartbeat();

        assertThat(jdbc.queryForObject("SELECT status FROM recompute_run WHERE id = ?", String.class, run))
                .isEqualTo("RUNNING");
        assertThat(lockIsFree()).as("a live server keeps its lock").isFalse();
        assertThat(runsOf(trigger)).isZero();
        assertThat(tiersPage("en")).contains("A recompute is running");

        // the other server finishes its run and lets the lock go
        jdbc.update("UPDATE recompute_run SET status = 'DONE', finished_at = ? WHERE id = ?",
                Timestamp.from(Instant.now()), run);
        jdbc.update("UPDATE shedlock SET lock_until = locked_at WHERE name = ? AND locked_by = ?", LOCK, live);
        recompute.heartbeat();
        Recomputes.awaitIdle(recompute);
        assertThat(jdbc.queryForList("SELECT status FROM recompute_run WHERE trigger_kind = ?", String.class,
                trigger)).containsExactly("DONE");
    }

    @Test
    void a_lock_left_by_a_server_killed_between_finishing_its_run_and_unlocking_is_released_at_start_up()
            throws Exception {
        String fresh = "test-host/88/" + Fixtures.unique("locking");
        // a live server that has just taken the lock and is about to record its run: left alone
        holdLock(fresh, Duration.ofSeconds(5));
        Startup.runAgain(context);
        assertThat(lockIsFree()).as("a lock taken a moment ago").isFalse();

        String killed = "test-host/89/" + Fixtures.unique("dead");
        // killed 3 minutes into its hold, its run already recorded as done: no run is left RUNNING
        holdLock(killed, Duration.ofMinutes(3));
        Startup.runAgain(context);
        assertThat(lockIsFree()).as("the dead server's lock is released").isTrue();

        String trigger = "ORPHAN_" + Fixtures.unique("").substring(1, 6);
        assertThat(recompute.startNowOrNext(trigger, "erp")).isEqualTo(Scheduled.NOW);
        Recomputes.awaitIdle(recompute);
        assertThat(jdbc.queryForList("SELECT status FROM recompute_run WHERE trigger_kind = ?", String.class,
                trigger)).containsExactly("DONE");
    }

    private long runningRun(String server, Instant started, Instant heartbeat) {
        jdbc.update("""
                INSERT INTO recompute_run (started_at, heartbeat_at, instance_id, trigger_kind, started_by,
                    policy_version, status)
                VALUES (?, ?, ?, 'NIGHTLY', 'crash-test', 1, 'RUNNING')""",
                Timestamp.from(started), Timestamp.from(heartbeat), server);
        return jdbc.queryForObject("SELECT MAX(id) FROM recompute_run WHERE instance_id = ?", Long.class, server);
    }

    /** The lock row as a server that took the lock a minute ago leaves it: held for 30 minutes from then. */
    private void holdLock(String server) {
        holdLock(server, Duration.ofMinutes(1));
    }

    /** In database time, as ShedLock writes it (UTC wall clock on PostgreSQL, local time on H2). */
    private void holdLock(String server, Duration lockedAgo) {
        LocalDateTime now = jdbc.queryForObject(database.isH2() ? "SELECT LOCALTIMESTAMP"
                : "SELECT timezone('utc', CURRENT_TIMESTAMP)", Timestamp.class).toLocalDateTime();
        LocalDateTime lockedAt = now.minus(lockedAgo);
        Timestamp until = Timestamp.valueOf(lockedAt.plusMinutes(30));
        int updated = jdbc.update("UPDATE shedlock SET lock_until = ?, locked_at = ?, locked_by = ? WHERE name = ?",
                until, Timestamp.valueOf(lockedAt), server, LOCK);
        if (updated == 0) {
            jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)", LOCK,
                    until, Timestamp.valueOf(lockedAt), server);
        }
    }

    private boolean lockIsFree() {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK, Duration.ofMinutes(1),
                Duration.ZERO));
        lock.ifPresent(SimpleLock::unlock);
        return lock.isPresent();
    }

    private int runsOf(String trigger) {
        return jdbc.queryForObject("SELECT count(*) FROM recompute_run WHERE trigger_kind = ?", Integer.class, trigger);
    }

    private String tiersPage(String language) throws Exception {
        return mvc.perform(get("/tiers").with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

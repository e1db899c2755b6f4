package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.RecomputeGate;
import com.keyaccount.crm.support.Recomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A recompute asked for while one runs (e.g. by publishing a policy) is not lost: it runs right
 * after the current one, which still computes under the old rules. Only when another instance
 * runs one is the request refused, and the caller told so.
 */
@FullStackTest
class RecomputeRequestsTest {

    private final TierRecompute recompute;
    private final RecomputeGate gate;
    private final JdbcTemplate jdbc;

    RecomputeRequestsTest(TierRecompute recompute, RecomputeGate gate, JdbcTemplate jdbc) {
        this.recompute = recompute;
        this.gate = gate;
        this.jdbc = jdbc;
    }

    @AfterEach
    void openTheGate() throws InterruptedException {
        gate.open();
        Recomputes.awaitIdle(recompute);
    }

    @Test
    void a_request_during_a_run_runs_right_after_it() throws Exception {
        Recomputes.awaitIdle(recompute);
        CountDownLatch waiting = gate.close();
        assertThat(recompute.startNowOrNext("FIRST", "tester")).isEqualTo(Scheduled.NOW);
        assertThat(waiting.await(20, TimeUnit.SECONDS)).as("the first recompute reached the gate").isTrue();

        assertThat(recompute.startNowOrNext("SECOND", "tester")).isEqualTo(Scheduled.AFTER_CURRENT);
        assertThat(recompute.startNowOrNext("THIRD", "tester")).isEqualTo(Scheduled.AFTER_CURRENT);
        CountDownLatch queuedRun = gate.watch(1);
        gate.open();
        // the first run is past the watch already: the next to reach its last step is the queued one
        assertThat(queuedRun.await(30, TimeUnit.SECONDS)).as("the queued recompute ran").isTrue();
        Recomputes.awaitIdle(recompute);

        List<String> triggers = jdbc.queryForList("""
                SELECT trigger_kind FROM recompute_run WHERE trigger_kind IN ('FIRST', 'SECOND', 'THIRD')
                AND status = 'DONE' ORDER BY id""", String.class);
        assertThat(triggers).as("waiting requests are one request: the latest").containsExactly("FIRST", "THIRD");
    }

    /** The nightly job runs in its own thread, not the background executor; what it is asked meanwhile still runs. */
    @Test
    void a_request_during_a_run_in_the_callers_thread_runs_right_after_it() throws Exception {
        Recomputes.awaitIdle(recompute);
        CountDownLatch waiting = gate.close();
        Thread nightly = new Thread(() -> recompute.run("NIGHTLY_TEST", "scheduler"), "nightly-test");
        nightly.start();
        assertThat(waiting.await(20, TimeUnit.SECONDS)).as("the nightly recompute reached the gate").isTrue();

        assertThat(recompute.startNowOrNext("DURING_NIGHTLY", "tester")).isEqualTo(Scheduled.AFTER_CURRENT);
        CountDownLatch queuedRun = gate.watch(1);
        gate.open();
        nightly.join(30_000);
        assertThat(queuedRun.await(30, TimeUnit.SECONDS)).as("the queued recompute ran").isTrue();
        Recomputes.awaitIdle(recompute);

        assertThat(jdbc.queryForList("""
                SELECT trigger_kind FROM recompute_run WHERE trigger_kind IN ('NIGHTLY_TEST', 'DURING_NIGHTLY')
                AND status = 'DONE' ORDER BY id""", String.class)).containsExactly("NIGHTLY_TEST", "DURING_NIGHTLY");
    }

    @Test
    void a_request_while_another_instance_runs_is_refused_and_says_so() {
        jdbc.update("""
                INSERT INTO recompute_run (started_at, trigger_kind, started_by, policy_version, status)
                VALUES (?, 'ELSEWHERE', 'other-instance', 1, 'RUNNING')""", Timestamp.from(Instant.now()));
        try {
            assertThat(recompute.startNowOrNext("REFUSED", "tester")).isEqualTo(Scheduled.RUNNING_ELSEWHERE);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM recompute_run WHERE trigger_kind = 'REFUSED'",
                    Integer.class)).isZero();
        } finally {
            jdbc.update("DELETE FROM recompute_run WHERE trigger_kind = 'ELSEWHERE'");
            // the refused request waits for the other server's run; with that gone it runs now, not in another test
            recompute.heartbeat();
        }
    }
}

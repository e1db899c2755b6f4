package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.shared.Heartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a server that stopped mid-run (crash, kill -9) leaves behind: its run RUNNING and the
 * recompute lock held. Its run stops beating, so after {@link Heartbeat#SILENT_FOR} the next look
 * (a request, the tiers page, the start-up check, the heartbeat) fails it with "the server
 * stopped" and releases its lock, instead of waiting for the lock's {@link RecomputeRuns#LONGEST_RUN}.
 */
@Component
public class AbandonedRecomputes {

    private static final Logger log = LoggerFactory.getLogger(AbandonedRecomputes.class);

    private final RecomputeRuns runs;

    AbandonedRecomputes(RecomputeRuns runs) {
        this.runs = runs;
    }

    /** Fails the runs whose server stopped (at start-up: this instance runs none yet); returns how many. */
    public int recover() {
        return recover(-1);
    }

    /** Fails the runs whose server stopped, never {@code ownRunId}, however late its beat; returns how many. */
    int recover(long ownRunId) {
        int failed = 0;
        for (RecomputeRuns.Abandoned run : runs.abandoned()) {
            if (run.id() != ownRunId && runs.failAbandoned(run.id())) {
                runs.releaseLockOf(run.instance());
                failed++;
                log.warn("Tier recompute {} of server {} had no heartbeat for {}: marked failed (the server stopped)"
                        + " and its lock released", run.id(), run.instance(), Heartbeat.SILENT_FOR);
            }
        }
        return failed;
    }

    /**
     * Releases a lock a stopped server left without a running run (it died just after recording
     * its run finished, or just after taking the lock): held for longer than
     * {@link Heartbeat#SILENT_FOR} while no run beats anywhere. Only ask when no run is under way here.
     */
    public boolean releaseOrphanedLock() {
        if (!runs.releaseOrphanedLock()) {
            return false;
        }
        log.warn("The tier recompute lock was held for over {} with no recompute running anywhere: released",
                Heartbeat.SILENT_FOR);
        return true;
    }
}

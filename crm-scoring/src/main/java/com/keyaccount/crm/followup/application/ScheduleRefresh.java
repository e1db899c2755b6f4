package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.customer.PotentialsRescored;
import com.keyaccount.crm.prospect.ProspectLadderPublished;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recomputes every customer's follow-up after the quotas or the calendar changed, in the
 * background (100k customers take a while) on the single-thread {@value #EXECUTOR}, so runs
 * happen one at a time. Requests made while a run is queued join it; one made while a run is
 * under way queues one more, which reads the newer rules.
 */
@Service
public class ScheduleRefresh {

    /** The single-thread executor that refreshes run on (defined by the application). */
    public static final String EXECUTOR = "scheduleRefreshExecutor";
    private static final Logger log = LoggerFactory.getLogger(ScheduleRefresh.class);

    private final FollowUpSchedule followUps;
    private final TaskExecutor background;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicBoolean prospectsQueued = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();

    ScheduleRefresh(FollowUpSchedule followUps, @Qualifier(EXECUTOR) TaskExecutor background) {
        this.followUps = followUps;
        this.background = background;
    }

    /** Starts a refresh once the caller's transaction has committed (at once without one). */
    public void startAfterCommit(String why) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    start(why);
                }
            });
        } else {
            start(why);
        }
    }

    /**
     * Potentials scored afresh from a changed table of factors may have moved customers between
     * the nine-grid's zones, which some cadences follow: every schedule is refreshed once committed.
     */
    @EventListener
    void on(PotentialsRescored event) {
        startAfterCommit("potential factors (" + event.customers() + " potentials moved)");
    }

    /**
     * A new ladder may give the close-time classes other cadences: every graded prospect is
     * rescheduled, in the background once the publication has committed (customers are not touched).
     */
    @EventListener
    void on(ProspectLadderPublished event) {
        String why = "prospect ladder v" + event.version();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    startProspects(why);
                }
            });
        } else {
            startProspects(why);
        }
    }

    private void startProspects(String why) {
        if (!prospectsQueued.compareAndSet(false, true)) {
            return;
        }
        pending.incrementAndGet();
        try {
            background.execute(() -> {
                prospectsQueued.set(false);
                try {
                    int prospects = followUps.refreshGradedProspects();
                    log.info("Follow-up schedules of graded prospects refreshed after {}: {}", why, prospects);
                } catch (RuntimeException e) {
                    log.error("Follow-up refresh of prospects after {} failed", why, e);
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (TaskRejectedException e) {
            prospectsQueued.set(false);
            pending.decrementAndGet();
            log.warn("Follow-up refresh of prospects after {} not started: the executor takes no more work", why);
        }
    }

    public void start(String why) {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        pending.incrementAndGet();
        try {
            background.execute(() -> refresh(why));
        } catch (TaskRejectedException e) {
            // the application is shutting down; the next start-up's fillMissing does not cover
            // changed rules, so say so
            queued.set(false);
            pending.decrementAndGet();
            log.warn("Follow-up refresh after {} not started: the executor takes no more work", why);
        }
    }

    private void refresh(String why) {
        queued.set(false);
        long started = System.nanoTime();
        try {
            int customers = followUps.refreshAll();
            log.info("Follow-up schedules refreshed after {}: {} customers, {} ms", why, customers,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Follow-up refresh after {} failed", why, e);
        } finally {
            pending.decrementAndGet();
        }
    }

    public boolean isRunning() {
        return pending.get() > 0;
    }
}

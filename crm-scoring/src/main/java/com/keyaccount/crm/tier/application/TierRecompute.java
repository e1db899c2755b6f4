package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.shared.Heartbeat;
import com.keyaccount.crm.tier.RecomputeRequests;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Service;

/**
 * When tiers are recomputed: now, in the caller's thread (the nightly job, the first start), or
 * in the background on the {@value #EXECUTOR} for a page, an import, the ERP API or a published
 * policy, with at most one request waiting behind the running one. One recompute at a time: in
 * this instance by its progress, across instances by ShedLock and the runs table. What a
 * recompute does is {@link RecomputePipeline}'s.
 * <p>
 * A run of a stopped server is failed by {@link AbandonedRecomputes} before a request is judged.
 * A request refused meanwhile because a recompute seemed to run elsewhere is remembered and
 * started by the {@link #heartbeat()} once none runs anywhere.
 */
@Service
public class TierRecompute implements RecomputeRequests {

    /** The single-thread executor that background recomputes run on (defined by the application). */
    public static final String EXECUTOR = "tierRecomputeExecutor";
    static final String LOCK = "tier-recompute";
    private static final RecomputeProgress QUEUED = new RecomputeProgress(0, "queued", 0, 0);
    private static final Logger log = LoggerFactory.getLogger(TierRecompute.class);

    private final RecomputePipeline pipeline;
    private final RecomputeRuns runs;
    private final AbandonedRecomputes abandoned;
    private final LockProvider locks;
    private final Clock clock;
    private final TaskExecutor background;
    private final RecomputeMetrics metrics;
    private final AtomicReference<RecomputeProgress> progress = new AtomicReference<>();
    private final AtomicReference<Request> next = new AtomicReference<>();
    /*
     * Background runs started and not yet done, the one a run hands over to included: between a
     * run's end and the start of the request waiting behind it there is no progress to see, yet
     * work is not done.
     */
    private final AtomicInteger inBackground = new AtomicInteger();

    TierRecompute(RecomputePipeline pipeline, RecomputeRuns runs, AbandonedRecomputes abandoned, LockProvider locks,
            Clock clock, @Qualifier(EXECUTOR) TaskExecutor background, MeterRegistry metrics) {
        this.pipeline = pipeline;
        this.runs = runs;
        this.abandoned = abandoned;
        this.locks = locks;
        this.clock = clock;
        this.background = background;
        this.metrics = new RecomputeMetrics(metrics);
    }

    /**
     * Starts a recompute in the background, unless one is running (here or, by the runs
     * table, in another instance). Returns whether it started one.
     */
    public boolean start(String trigger, String actor) {
        if (runningHereOrElsewhere() || !progress.compareAndSet(null, QUEUED)) {
            return false;
        }
        inBackground.incrementAndGet();
        try {
            background.execute(() -> runThenNext(trigger, actor));
            return true;
        } catch (TaskRejectedException e) {
            // the application is shutting down
            progress.set(null);
            inBackground.decrementAndGet();
            log.warn("Tier recompute requested by {} not started: the executor takes no more work", actor);
            return false;
        }
    }

    private void runThenNext(String trigger, String actor) {
        boolean locked = false;
        try {
            runHere(trigger, actor);
        } catch (RecomputeAlreadyRunningException e) {
            locked = true;
            log.info("Tier recompute requested by {} waits: another server holds the lock", actor);
        } catch (RuntimeException e) {
            log.error("Tier recompute requested by {} failed", actor, e);
        } finally {
            progress.set(null);
            if (locked) {
                // not dropped: the heartbeat starts it when the lock is free (or released as abandoned)
                next.compareAndSet(null, new Request(trigger, actor));
            } else {
                startQueued();
            }
            inBackground.decrementAndGet();
        }
    }

    private void startQueued() {
        Request queued = next.getAndSet(null);
        if (queued != null) {
            start(queued.trigger(), queued.actor());
        }
    }

    private record Request(String trigger, String actor) {
    }

    /**
     * Requests made while one waits are one request. One refused because another instance runs a
     * recompute waits here too: {@link #heartbeat()} starts it once none runs anywhere, whether
     * that one finishes or its server turns out to have stopped.
     */
    @Override
    public Scheduled startNowOrNext(String trigger, String actor) {
        if (start(trigger, actor)) {
            return Scheduled.NOW;
        }
        if (progress.get() == null) {
            next.set(new Request(trigger, actor));
            return Scheduled.RUNNING_ELSEWHERE;
        }
        Request request = new Request(trigger, actor);
        next.set(request);
        // the running one may have finished in between, before it could see this request
        if (progress.get() == null && next.compareAndSet(request, null)) {
            if (start(trigger, actor)) {
                return Scheduled.NOW;
            }
            next.compareAndSet(null, request);
            return Scheduled.RUNNING_ELSEWHERE;
        }
        return Scheduled.AFTER_CURRENT;
    }

    /** Whether a recompute is running or about to run in this instance or, by the runs table, in another one. */
    public boolean isRunning() {
        return inBackground.get() > 0 || runningHereOrElsewhere();
    }

    private boolean runningHereOrElsewhere() {
        if (progress.get() != null) {
            return true;
        }
        abandoned.recover();
        return runs.anyUnderWay();
    }

    /**
     * Called every {@link Heartbeat#EVERY} by the application: shows that this instance's run is
     * alive, fails runs whose server stopped, and starts a request that was refused while a
     * recompute ran (or seemed to run) elsewhere, once none does.
     */
    public void heartbeat() {
        RecomputeProgress current = progress.get();
        if (current != null && current.runId() > 0) {
            runs.beat(current.runId());
        }
        abandoned.recover(current == null ? -1 : current.runId());
        if (current == null && inBackground.get() == 0) {
            abandoned.releaseOrphanedLock();
        }
        Request waiting = next.get();
        if (waiting != null && current == null && inBackground.get() == 0 && !runs.anyUnderWay()
                && next.compareAndSet(waiting, null) && !start(waiting.trigger(), waiting.actor())) {
            // started here meanwhile or elsewhere again: it keeps waiting
            next.compareAndSet(null, waiting);
        }
    }

    /** The running recompute's progress, if one runs in this instance. */
    public Optional<RecomputeProgress> progress() {
        return Optional.ofNullable(progress.get());
    }

    /**
     * Runs a recompute now, in the caller's thread (the nightly job, the first start); a request
     * made meanwhile starts in the background when it is done.
     *
     * @throws RecomputeAlreadyRunningException when another recompute holds the lock
     */
    public RecomputeSummary run(String trigger, String actor) {
        try {
            return runHere(trigger, actor);
        } finally {
            startQueued();
        }
    }

    private RecomputeSummary runHere(String trigger, String actor) {
        Optional<SimpleLock> lock = locks.lock(
                new LockConfiguration(clock.instant(), LOCK, RecomputeRuns.LONGEST_RUN, Duration.ZERO));
        if (lock.isEmpty()) {
            throw new RecomputeAlreadyRunningException();
        }
        long started = System.nanoTime();
        try {
            RecomputeSummary summary = pipeline.recompute(trigger, actor, progress::set);
            metrics.done(trigger, summary);
            return summary;
        } catch (RuntimeException e) {
            metrics.failed(trigger, System.nanoTime() - started);
            throw e;
        } finally {
            progress.set(null);
            lock.get().unlock();
        }
    }
}

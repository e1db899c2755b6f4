package com.keyaccount.crm.support;

import com.keyaccount.crm.tier.TiersChanged;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Holds a running recompute at its last step (the tiers are written, the run is not finished)
 * until the test lets it go, so a test can act while a recompute is in progress. Open unless a
 * test closes it.
 */
@Component
public class RecomputeGate {

    private final AtomicReference<CountDownLatch[]> closed = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> watched = new AtomicReference<>();

    /** A latch that opens once {@code runs} more recomputes have reached their last step. */
    public CountDownLatch watch(int runs) {
        CountDownLatch latch = new CountDownLatch(runs);
        watched.set(latch);
        return latch;
    }

    /** The next recompute will wait; returns a latch that opens once one is waiting. */
    public CountDownLatch close() {
        CountDownLatch[] latches = {new CountDownLatch(1), new CountDownLatch(1)};
        closed.set(latches);
        return latches[0];
    }

    public void open() {
        CountDownLatch[] latches = closed.getAndSet(null);
        if (latches != null) {
            latches[1].countDown();
        }
    }

    @EventListener
    void tiersChanged(TiersChanged event) throws InterruptedException {
        CountDownLatch watch = watched.get();
        if (watch != null) {
            watch.countDown();
        }
        CountDownLatch[] latches = closed.get();
        if (latches != null) {
            latches[0].countDown();
            latches[1].await(30, TimeUnit.SECONDS);
        }
    }
}

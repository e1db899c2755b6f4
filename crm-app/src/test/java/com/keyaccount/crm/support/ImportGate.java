package com.keyaccount.crm.support;

import com.keyaccount.crm.sales.importing.SalesMerged;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Holds a sales import at its merge (every line read and counted, the import still RUNNING)
 * until the test lets it go, so a test can look at a running import. Open unless a test closes
 * it; a test adds it to the context it starts.
 */
@TestComponent
public class ImportGate {

    private final AtomicReference<CountDownLatch[]> closed = new AtomicReference<>();

    /** The next import that merges will wait; returns a latch that opens once one is waiting. */
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
    void merging(SalesMerged event) throws InterruptedException {
        CountDownLatch[] latches = closed.get();
        if (latches != null) {
            latches[0].countDown();
            latches[1].await(30, TimeUnit.SECONDS);
        }
    }
}

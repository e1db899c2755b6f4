package com.keyaccount.crm.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.tier.application.TierRecompute;
import java.util.concurrent.TimeUnit;

/** Pages start recomputes in the background; tests wait (bounded) for them to finish. */
public final class Recomputes {

    private Recomputes() {
    }

    public static void awaitIdle(TierRecompute recompute) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (recompute.isRunning() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(recompute.isRunning()).as("recompute finished").isFalse();
    }
}

package com.keyaccount.crm.demo;

import java.util.SplittableRandom;

/**
 * Where a demo customer stands: most buy steadily, a few are prospects who have not bought yet,
 * dormant ones stopped buying some months ago and lost ones long ago. Dormant customers are
 * what the churn warning is for, so they are few, as in a book that is looked after.
 */
enum DemoLifecycle {
    ACTIVE("ACTIVE"),
    PROSPECT("PROSPECT"),
    DORMANT("DORMANT"),
    LOST("LOST");

    final String status;

    DemoLifecycle(String status) {
        this.status = status;
    }

    boolean buys() {
        return this != PROSPECT;
    }

    static DemoLifecycle draw(SplittableRandom random) {
        int r = random.nextInt(100);
        return r < 83 ? ACTIVE : r < 93 ? PROSPECT : r < 97 ? DORMANT : LOST;
    }
}

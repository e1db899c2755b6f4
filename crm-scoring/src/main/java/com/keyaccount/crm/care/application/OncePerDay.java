package com.keyaccount.crm.care.application;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Work a server does at most once a day, on the first request that needs it. Requests arriving
 * meanwhile wait for the one doing it, then find it done: each doing it too held a connection
 * while waiting on the first one's rows, and after a restart under load fifty managers' first
 * visits emptied the pool into 503 pages. Checked before any transaction, so once done a request
 * takes no connection for it.
 */
final class OncePerDay {

    private final AtomicReference<LocalDate> doneOn = new AtomicReference<>();
    private final ReentrantLock doing = new ReentrantLock();

    /** Runs {@code work} unless it was done on {@code today}; a failure leaves it to the next caller. */
    void run(LocalDate today, Runnable work) {
        if (today.equals(doneOn.get())) {
            return;
        }
        doing.lock();
        try {
            if (!today.equals(doneOn.get())) {
                work.run();
                doneOn.set(today);
            }
        } finally {
            doing.unlock();
        }
    }

    /** The work was done on {@code day} by another way (the nightly job). */
    void done(LocalDate day) {
        doneOn.set(day);
    }
}

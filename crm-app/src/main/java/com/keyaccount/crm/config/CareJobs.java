package com.keyaccount.crm.config;

import com.keyaccount.crm.care.application.CareTaskMaker;
import com.keyaccount.crm.lost.application.LostCustomers;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly care run: makes the day's care tasks and records losses made outside the
 * lost-customer form. One instance runs it at a time (ShedLock, the lock the recompute uses);
 * it would be harmless twice anyway, since a task's key is unique and the catch-up is idempotent.
 */
@Component
class CareJobs {

    private static final Logger log = LoggerFactory.getLogger(CareJobs.class);
    private static final String LOCK = "care-nightly";

    private final CareTaskMaker maker;
    private final LostCustomers lost;
    private final LockProvider locks;
    private final Clock clock;

    CareJobs(CareTaskMaker maker, LostCustomers lost, LockProvider locks, Clock clock) {
        this.maker = maker;
        this.lost = lost;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.care.cron:0 30 1 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    void nightly() {
        new DefaultLockingTaskExecutor(locks).executeWithLock((Runnable) () -> {
            int made = maker.makeDue();
            int losses = lost.catchUp();
            log.info("Care run: {} care tasks made, {} losses recorded or closed", made, losses);
        }, new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(30), Duration.ofMinutes(1)));
    }
}

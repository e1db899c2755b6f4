package com.keyaccount.crm.config;

import com.keyaccount.crm.checkin.application.CheckIns;
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
 * Just after midnight, ends the check-ins left open on the day before as "no check-out": a
 * forgotten check-out gives no time on site rather than a night's. The pages already treat such a
 * check-in as ended; this keeps the table saying so. One instance at a time (ShedLock).
 */
@Component
class CheckInJobs {

    private static final Logger log = LoggerFactory.getLogger(CheckInJobs.class);
    private static final String LOCK = "check-in-nightly";

    private final CheckIns checkIns;
    private final LockProvider locks;
    private final Clock clock;

    CheckInJobs(CheckIns checkIns, LockProvider locks, Clock clock) {
        this.checkIns = checkIns;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.checkin.sweep-cron:0 5 0 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    void nightly() {
        new DefaultLockingTaskExecutor(locks).executeWithLock((Runnable) () -> {
            int ended = checkIns.endForgotten();
            log.info("Check-in sweep: {} check-ins without a check-out ended", ended);
        }, new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(10), Duration.ofMinutes(1)));
    }
}

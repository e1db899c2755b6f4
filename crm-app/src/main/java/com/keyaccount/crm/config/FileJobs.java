package com.keyaccount.crm.config;

import com.keyaccount.crm.attachment.FileSweeps;
import java.io.IOException;
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
 * The nightly clean-up of stored files: those past the admin's retention, then objects no row names
 * (uploads whose row never committed). One instance runs it (ShedLock, as the other night jobs).
 */
@Component
class FileJobs {

    private static final Logger log = LoggerFactory.getLogger(FileJobs.class);
    private static final String LOCK = "files-nightly";

    private final FileSweeps sweeps;
    private final LockProvider locks;
    private final Clock clock;

    FileJobs(FileSweeps sweeps, LockProvider locks, Clock clock) {
        this.sweeps = sweeps;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(cron = "${crm.files.cron:0 15 3 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    void nightly() {
        new DefaultLockingTaskExecutor(locks).executeWithLock((Runnable) () -> {
            int purged = sweeps.purgeExpired();
            try {
                int orphans = sweeps.sweepOrphans();
                log.info("File clean-up: {} files past their retention removed, {} orphaned objects removed", purged,
                        orphans);
            } catch (IOException storeDown) {
                log.warn("File clean-up: {} files past their retention removed; the orphan sweep failed: {}", purged,
                        storeDown.toString());
            }
        }, new LockConfiguration(clock.instant(), LOCK, Duration.ofMinutes(60), Duration.ofMinutes(1)));
    }
}

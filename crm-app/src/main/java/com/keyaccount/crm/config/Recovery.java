package com.keyaccount.crm.config;

import com.keyaccount.crm.importing.AbandonedImports;
import com.keyaccount.crm.importing.web.Upload;
import com.keyaccount.crm.shared.Heartbeat;
import com.keyaccount.crm.tier.application.AbandonedRecomputes;
import com.keyaccount.crm.tier.application.TierRecompute;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After a crash (kill -9, power): what the stopped server left half-done is cleaned up at start-up,
 * before the first start's own work, and again on every heartbeat, which also catches a server
 * that stopped while this one runs and a lock that expired meanwhile. Recompute runs and imports
 * whose heartbeat is older than {@link Heartbeat#SILENT_FOR} are failed with "the server stopped"
 * (a recompute's lock released, an import's staged lines and file deleted); what runs on a live
 * instance beats and is left alone. Uploads left in the upload directory by imports that are
 * over are deleted.
 * <p>
 * The heartbeat runs on Spring's scheduler, which has a thread more than the nightly recompute
 * takes (application.yml), so it beats on through the nightly run.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Recovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final TierRecompute recompute;
    private final AbandonedRecomputes recomputes;
    private final AbandonedImports imports;
    private final Clock clock;

    Recovery(TierRecompute recompute, AbandonedRecomputes recomputes, AbandonedImports imports, Clock clock) {
        this.recompute = recompute;
        this.recomputes = recomputes;
        this.imports = imports;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int runs = recomputes.recover();
        recomputes.releaseOrphanedLock();
        int stopped = imports.recover();
        int files = Upload.removeLeftovers(imports.uploadsInUse(), clock.instant().minus(Heartbeat.SILENT_FOR));
        if (runs + stopped + files > 0) {
            log.warn("Start-up after a stop: {} recompute runs and {} imports failed (the server stopped), "
                    + "{} uploaded files deleted", runs, stopped, files);
        }
    }

    @Scheduled(fixedDelayString = Heartbeat.EVERY_ISO, initialDelayString = Heartbeat.EVERY_ISO)
    void heartbeat() {
        try {
            imports.heartbeat();
            recompute.heartbeat();
            imports.recover();
        } catch (DataAccessException e) {
            // the database is away: the pages say so; one line here, not a stack trace every 15 s
            log.warn("Heartbeat not written: {}", e.getMessage());
        }
    }
}

package com.keyaccount.crm.attachment;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly clean-up of the file store (run under ShedLock by crm-app's {@code config.FileJobs}):
 * files whose retention has passed (of customers deleted, or deleted by hand) go with their rows,
 * and objects no row names (an upload whose row never committed) go once they are a day old, so an
 * upload still on its way is never taken.
 */
@Service
public class FileSweeps {

    private static final Logger log = LoggerFactory.getLogger(FileSweeps.class);
    /** An object younger than this may belong to an upload whose row is about to commit. */
    static final Duration ORPHAN_AGE = Duration.ofDays(1);
    private static final int BATCH = 500;

    private final AttachmentStore rows;
    private final FileStore store;
    private final FileRetention retention;
    private final Clock clock;
    private final TransactionTemplate transaction;

    FileSweeps(AttachmentStore rows, FileStore store, FileRetention retention, Clock clock,
            PlatformTransactionManager transactions) {
        this.rows = rows;
        this.store = store;
        this.retention = retention;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Removes the files whose retention has passed, objects first; returns how many. */
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retention.days()));
        int purged = 0;
        List<AttachmentStore.Purgeable> batch;
        do {
            batch = rows.purgeable(cutoff, BATCH);
            for (AttachmentStore.Purgeable file : batch) {
                try {
                    store.delete(file.storageKey());
                    if (file.thumbnailKey() != null) {
                        store.delete(file.thumbnailKey());
                    }
                } catch (IOException storeDown) {
                    // the row stays, so the next night tries again
                    log.warn("Could not remove stored file of attachment {}: {}", file.id(), storeDown.toString());
                    return purged;
                }
                transaction.executeWithoutResult(status -> rows.delete(file.id()));
                purged++;
            }
        } while (batch.size() == BATCH);
        return purged;
    }

    /** Removes stored objects older than a day that no row names; returns how many. */
    public int sweepOrphans() throws IOException {
        List<String> old = store.keysStoredBefore(clock.instant().minus(ORPHAN_AGE));
        int removed = 0;
        for (int from = 0; from < old.size(); from += BATCH) {
            List<String> keys = old.subList(from, Math.min(old.size(), from + BATCH));
            Set<String> known = rows.known(keys);
            for (String key : keys) {
                if (!known.contains(key)) {
                    store.delete(key);
                    removed++;
                }
            }
        }
        return removed;
    }
}

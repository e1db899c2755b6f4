package com.keyaccount.crm.importing;

import com.keyaccount.crm.shared.Heartbeat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports whose server stopped mid-file (crash, kill -9). The rule that tells them from imports
 * running on another, live instance: each instance beats, every {@link Heartbeat#EVERY} from a
 * timer thread, for every import it has begun and not finished (queued ones and ones deep in a
 * long merge included), so an import whose heartbeat is older than {@link Heartbeat#SILENT_FOR}
 * has no live server. Only such imports are failed, and only while they stay silent, so another
 * instance's live import is never touched. Which instance looks does not matter: at start-up, on
 * the heartbeat, when an import page is read.
 * <p>
 * A failed import says "failed: the server stopped" ({@link ImportRecords#SERVER_STOPPED}); its
 * staged lines never reached the real tables and are removed, and its uploaded file is deleted
 * when this server has it (an instance that shares no disk with the dead one leaves it to the
 * dead one's start-up sweep of its upload directory, which keeps {@link #uploadsInUse()}).
 */
@Service
public class AbandonedImports {

    private static final Logger log = LoggerFactory.getLogger(AbandonedImports.class);

    private final ImportRecords records;
    private final List<ImportStage> stages;
    private final Clock clock;

    AbandonedImports(ImportRecords records, List<ImportStage> stages, Clock clock) {
        this.records = records;
        this.stages = stages;
        this.clock = clock;
    }

    /** Shows that this instance's imports are alive; called every {@link Heartbeat#EVERY} by the application. */
    public void heartbeat() {
        records.beatLive();
    }

    /** Fails, cleans up and returns the number of imports whose server stopped. */
    public int recover() {
        Instant silentSince = clock.instant().minus(Heartbeat.SILENT_FOR);
        int failed = 0;
        for (ImportRecords.Silent silent : records.silentSince(silentSince)) {
            // failed first, and only if still silent: the stage of a live import is never cleared
            if (records.stopped(silent.id(), silentSince)) {
                stages.forEach(stage -> stage.discard(silent.id()));
                delete(silent.uploadFile());
                failed++;
                log.warn("Import {} had no heartbeat for {}: marked failed (the server stopped), staged lines removed",
                        silent.id(), Heartbeat.SILENT_FOR);
            }
        }
        return failed;
    }

    /** The uploaded files of imports still running on some instance: an upload-directory sweep must keep them. */
    public Set<Path> uploadsInUse() {
        return records.uploadsInUse().stream().map(AbandonedImports::path).filter(p -> p != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void delete(String uploadFile) {
        Path file = path(uploadFile);
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the uploaded file {} of a stopped import", file, e);
            }
        }
    }

    private static Path path(String uploadFile) {
        try {
            return uploadFile == null ? null : Path.of(uploadFile).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }
}

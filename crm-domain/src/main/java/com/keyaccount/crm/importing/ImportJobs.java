package com.keyaccount.crm.importing;

import com.keyaccount.crm.importing.DataImport.Status;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Runs file imports in the background, on the application's single import thread (bean
 * {@code dataImportExecutor}): two big files merging at once would only fight over the same
 * rows and locks, so they queue. Whatever a job throws ends as a FAILED import, never "running" for ever.
 */
@Service
public class ImportJobs {

    /** The single-threaded executor imports run on (crm-app's BackgroundWorkConfig). */
    public static final String EXECUTOR = "dataImportExecutor";

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportRecords records;
    private final TaskExecutor executor;

    ImportJobs(ImportRecords records, @Qualifier(EXECUTOR) TaskExecutor executor) {
        this.records = records;
        this.executor = executor;
    }

    /** The work of one import kind on one file. */
    @FunctionalInterface
    public interface Job {
        void run(long importId, LineSource file, String actor) throws IOException;
    }

    /** Registers the upload and queues {@code job} on it; the file is discarded once the job is over. */
    public long start(Viewer viewer, ImportKind kind, String fileName, LineSource file, Job job) {
        DataImports.requireLeadership(viewer);
        long id = records.begin(kind, viewer.username(), fileName, file.location());
        try {
            executor.execute(() -> run(id, file, viewer.username(), job));
        } catch (RuntimeException refused) {
            // the application is shutting down: say so now rather than leave it to the heartbeat
            fail(id, refused);
            records.forget(id);
            file.discard();
            throw refused;
        }
        return id;
    }

    private void run(long id, LineSource file, String actor, Job job) {
        try {
            records.working(id);
            job.run(id, file, actor);
        } catch (IOException | RuntimeException | Error e) {
            fail(id, e);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            records.forget(id);
            file.discard();
        }
    }

    private void fail(long id, Throwable e) {
        log.error("Import {} failed", id, e);
        records.finish(id, Status.FAILED, null, null, null, null, Objects.toString(e.getMessage(), e.toString()));
    }
}

package com.keyaccount.crm.importing;

import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The import pages' questions: one import's progress and outcome, the recent ones of a kind,
 * the kept bad lines. Directors and admins only.
 */
@Service
public class DataImports {

    /** Far longer than a batch of lines takes; the final merge of even millions of lines takes minutes. */
    static final Duration SILENCE = Duration.ofMinutes(30);
    private static final int RECENT = 20;

    private final ImportRecords records;
    private final List<ImportStage> stages;
    private final Clock clock;

    DataImports(ImportRecords records, List<ImportStage> stages, Clock clock) {
        this.records = records;
        this.stages = stages;
        this.clock = clock;
    }

    public Optional<DataImport> find(Viewer viewer, long id) {
        requireLeadership(viewer);
        failInterrupted();
        return records.find(id);
    }

    public List<DataImport> recent(Viewer viewer, ImportKind kind) {
        requireLeadership(viewer);
        failInterrupted();
        return records.recent(kind, RECENT);
    }

    /** The kept bad lines in line order, at most {@code limit}. */
    public List<LineError> errors(Viewer viewer, long id, int limit) {
        requireLeadership(viewer);
        return records.errors(id, limit);
    }

    /**
     * Imports whose instance stopped mid-file (no heartbeat for {@link #SILENCE}) failed; their
     * staged lines never reached the real tables and are removed. Checked when someone looks,
     * because no process is left to notice the death of another.
     */
    private void failInterrupted() {
        for (long id : records.silentSince(clock.instant().minus(SILENCE))) {
            stages.forEach(stage -> stage.discard(id));
            records.interrupted(id);
        }
    }

    public static void requireLeadership(Viewer viewer) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("import data");
        }
    }
}

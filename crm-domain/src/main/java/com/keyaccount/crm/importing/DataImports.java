package com.keyaccount.crm.importing;

import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The import pages' questions: one import's progress and outcome, the recent ones of a kind,
 * the kept bad lines. Directors and admins only.
 */
@Service
public class DataImports {

    private static final int RECENT = 20;

    private final ImportRecords records;
    private final AbandonedImports abandoned;

    DataImports(ImportRecords records, AbandonedImports abandoned) {
        this.records = records;
        this.abandoned = abandoned;
    }

    public Optional<DataImport> find(Viewer viewer, long id) {
        requireLeadership(viewer);
        abandoned.recover();
        return records.find(id);
    }

    public List<DataImport> recent(Viewer viewer, ImportKind kind) {
        requireLeadership(viewer);
        abandoned.recover();
        return records.recent(kind, RECENT);
    }

    /** The kept bad lines in line order, at most {@code limit}. */
    public List<LineError> errors(Viewer viewer, long id, int limit) {
        requireLeadership(viewer);
        return records.errors(id, limit);
    }

    public static void requireLeadership(Viewer viewer) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("import data");
        }
    }
}

package com.keyaccount.crm.importing;

import java.time.Instant;

/** One uploaded file: who, when, where it is, and what came of it. */
public record DataImport(long id, ImportKind kind, String fileName, String startedBy, Instant startedAt, Instant finishedAt,
        Status status, String charset, long rowsRead, Long created, Long updated, Long unchanged, Long badLines,
        String message) {

    public enum Status {
        RUNNING,
        /** the file had bad lines: nothing was written */
        REJECTED,
        DONE,
        /** an unexpected error: nothing was written */
        FAILED
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    /** Failed because its server stopped mid-import (INTERRUPTED: the same, recorded before V18). */
    public boolean stoppedWithServer() {
        return status == Status.FAILED
                && (ImportRecords.SERVER_STOPPED.equals(message) || "INTERRUPTED".equals(message));
    }
}

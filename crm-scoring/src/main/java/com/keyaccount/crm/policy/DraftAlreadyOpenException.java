package com.keyaccount.crm.policy;

/** One open draft at a time: this one is open already. */
public class DraftAlreadyOpenException extends RuntimeException {

    private final long draftId;

    public DraftAlreadyOpenException(long draftId) {
        super("draft " + draftId + " is open");
        this.draftId = draftId;
    }

    public long draftId() {
        return draftId;
    }
}

package com.keyaccount.crm.policy;

/** The draft was changed (or published, or discarded) by someone else since the admin opened it. */
public class StaleDraftException extends RuntimeException {

    public StaleDraftException(long draftId) {
        super("draft " + draftId + " changed since it was opened");
    }
}

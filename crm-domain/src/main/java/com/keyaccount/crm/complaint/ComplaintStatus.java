package com.keyaccount.crm.complaint;

/** received → answered → resolved → confirmed by the customer; a reopened one is answered again. */
public enum ComplaintStatus {
    RECEIVED,
    ANSWERED,
    RESOLVED,
    CONFIRMED;

    /** Still the owner's to work: not resolved yet. */
    public boolean isOpen() {
        return this == RECEIVED || this == ANSWERED;
    }
}

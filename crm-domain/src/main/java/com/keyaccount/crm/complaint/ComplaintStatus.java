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

    /** A step that needs one of {@code allowed} is refused for {@code field} from any other status. */
    void require(String field, ComplaintStatus... allowed) {
        for (ComplaintStatus s : allowed) {
            if (this == s) {
                return;
            }
        }
        throw new ComplaintRefusedException(field, ComplaintRefusedException.WRONG_STATUS);
    }
}

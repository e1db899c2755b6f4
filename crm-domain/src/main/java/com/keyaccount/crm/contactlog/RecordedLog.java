package com.keyaccount.crm.contactlog;

/** The outcome of recording a contact: which log holds it, and whether it was a resubmit. */
public record RecordedLog(long logId, long customerId, boolean duplicate) {

    static RecordedLog duplicateOf(ContactLog log, long customerId) {
        return new RecordedLog(log.getId(), customerId, true);
    }
}

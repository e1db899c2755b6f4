package com.keyaccount.crm.complaint;

/** Someone moved the complaint on since the page was loaded; nothing was written. */
public class StaleComplaintException extends RuntimeException {

    private final long complaintId;

    public StaleComplaintException(long complaintId) {
        super("complaint " + complaintId + " was changed by someone else");
        this.complaintId = complaintId;
    }

    public long complaintId() {
        return complaintId;
    }
}

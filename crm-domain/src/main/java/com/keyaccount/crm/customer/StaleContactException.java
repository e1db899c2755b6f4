package com.keyaccount.crm.customer;

/** Someone saved the contact after the editor loaded it; nothing was written. */
public class StaleContactException extends RuntimeException {

    private final long contactId;

    public StaleContactException(long contactId) {
        super("contact " + contactId + " was changed by someone else");
        this.contactId = contactId;
    }

    public long contactId() {
        return contactId;
    }
}

package com.keyaccount.crm.contactlog;

/**
 * A new contact log was written; published inside the transaction that wrote it.
 *
 * @param author the username of who logged it, for what the event changes in turn (audited as theirs)
 */
public record ContactLogged(long customerId, long logId, String author) {
}

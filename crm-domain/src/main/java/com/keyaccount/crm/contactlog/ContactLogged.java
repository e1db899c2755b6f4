package com.keyaccount.crm.contactlog;

/** A new contact log was written; published inside the transaction that wrote it. */
public record ContactLogged(long customerId, long logId) {
}

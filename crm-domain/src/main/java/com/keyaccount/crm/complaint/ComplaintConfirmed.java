package com.keyaccount.crm.complaint;

/**
 * The customer confirmed a complaint resolved. Published inside the confirming transaction, so
 * what follows from it (a satisfaction survey asked for, when the survey plan says so) is written
 * with the confirmation or not at all.
 */
public record ComplaintConfirmed(long customerId, String confirmedBy) {
}

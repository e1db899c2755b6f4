package com.keyaccount.crm.customer;

/**
 * A contact is about to be deleted, inside the transaction that deletes it: whatever names it
 * (a prospect's decision-maker condition) lets go of it first.
 */
public record ContactRemoved(long customerId, long contactId) {
}

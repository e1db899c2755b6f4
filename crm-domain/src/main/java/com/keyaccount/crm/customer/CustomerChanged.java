package com.keyaccount.crm.customer;

/**
 * A customer was created, edited, reassigned or deleted. Published inside the transaction, so
 * listeners that keep derived data (the follow-up schedule) commit or roll back with it.
 */
public record CustomerChanged(long customerId) {
}

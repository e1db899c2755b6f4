package com.keyaccount.crm.customer;

/**
 * A contact was added or edited, inside the transaction that saves it: what is kept from the
 * contacts (My day's birthdays and anniversaries) is read afresh once it commits. A removal says
 * {@link ContactRemoved}.
 */
public record ContactChanged(long customerId, long contactId) {
}

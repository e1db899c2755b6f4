package com.keyaccount.crm.customer;

/** Someone saved the customer after the editor loaded it; nothing was written. */
public class StaleCustomerException extends RuntimeException {

    private final long customerId;

    public StaleCustomerException(long customerId) {
        super("customer " + customerId + " was changed by someone else");
        this.customerId = customerId;
    }

    public long customerId() {
        return customerId;
    }
}

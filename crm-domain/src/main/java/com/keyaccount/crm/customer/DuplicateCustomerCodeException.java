package com.keyaccount.crm.customer;

/** The external (ERP) code is taken by another customer, possibly a deleted one. */
public class DuplicateCustomerCodeException extends RuntimeException {

    public DuplicateCustomerCodeException(String code) {
        super("customer code already in use: " + code);
    }
}

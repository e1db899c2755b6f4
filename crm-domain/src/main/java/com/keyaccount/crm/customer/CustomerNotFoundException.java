package com.keyaccount.crm.customer;

/**
 * The customer does not exist, is deleted, or belongs to another account manager. The three
 * cases are deliberately indistinguishable to the caller.
 */
public class CustomerNotFoundException extends RuntimeException {

    public CustomerNotFoundException(long id) {
        super("customer " + id + " not found");
    }
}

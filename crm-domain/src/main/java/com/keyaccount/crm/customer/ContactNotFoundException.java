package com.keyaccount.crm.customer;

public class ContactNotFoundException extends RuntimeException {

    public ContactNotFoundException(long id) {
        super("contact " + id + " not found");
    }
}

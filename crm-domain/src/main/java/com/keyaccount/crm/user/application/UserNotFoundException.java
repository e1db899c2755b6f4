package com.keyaccount.crm.user.application;

public class UserNotFoundException extends RuntimeException {

    public UserNotFoundException(long id) {
        super("no user " + id);
    }
}

package com.keyaccount.crm.user.application;

/** A user who owns customers is not disabled until someone named takes their book over. */
public class BookNotHandedOverException extends RuntimeException {

    public BookNotHandedOverException(long userId) {
        super("user " + userId + " still owns customers");
    }
}

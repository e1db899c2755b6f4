package com.keyaccount.crm.user.application;

/** The current password given to authorise a change is not the user's password. */
public class WrongPasswordException extends RuntimeException {

    public WrongPasswordException() {
        super("wrong current password");
    }
}

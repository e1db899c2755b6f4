package com.keyaccount.crm.user.application;

/** Someone saved the user since the editor loaded it; nothing was written. */
public class StaleUserException extends RuntimeException {

    public StaleUserException(long id) {
        super("user " + id + " changed meanwhile");
    }
}

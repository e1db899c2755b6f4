package com.keyaccount.crm.user.application;

/** Another user already signs in with this name (compared ignoring case, so "Zhang" and "zhang" are one). */
public class UsernameTakenException extends RuntimeException {

    public UsernameTakenException(String username) {
        super("username taken: " + username);
    }
}

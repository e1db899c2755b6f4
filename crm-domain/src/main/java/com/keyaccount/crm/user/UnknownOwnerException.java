package com.keyaccount.crm.user;

/** The chosen owner is not an enabled account manager (or does not exist). */
public class UnknownOwnerException extends RuntimeException {

    public UnknownOwnerException(Long ownerId) {
        super("not an enabled account manager: " + ownerId);
    }
}

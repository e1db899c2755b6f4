package com.keyaccount.crm.user;

/** The viewer may see the record but their role does not allow this change. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String action) {
        super("not permitted: " + action);
    }
}

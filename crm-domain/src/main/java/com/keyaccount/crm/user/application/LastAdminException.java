package com.keyaccount.crm.user.application;

/** The change would leave no enabled administrator, and nobody could manage users any more. */
public class LastAdminException extends RuntimeException {

    public LastAdminException() {
        super("the last enabled administrator must stay an enabled administrator");
    }
}

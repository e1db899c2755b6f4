package com.keyaccount.crm.user.application;

/**
 * Administrators do not disable or reset their own account: it would end the very session
 * they are working in (and a reset's temporary password would be lost with it).
 */
public class OwnAccountException extends RuntimeException {

    public OwnAccountException(String action) {
        super("not on one's own account: " + action);
    }
}

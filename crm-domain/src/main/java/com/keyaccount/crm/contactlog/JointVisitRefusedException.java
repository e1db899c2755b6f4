package com.keyaccount.crm.contactlog;

/**
 * A joint visit named someone who cannot be on it: a colleague must be on the account's service
 * team (its owner, a member, a supervising manager), still working here, and not the author.
 * Nothing was written.
 */
public class JointVisitRefusedException extends RuntimeException {

    public JointVisitRefusedException(long userId) {
        super("user " + userId + " cannot be named on this customer's joint visit");
    }
}

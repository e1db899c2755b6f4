package com.keyaccount.crm.user.application;

/** Whom a leaver's book goes to: someone must be named, and be an enabled account manager other than them. */
public class SuccessorRefusedException extends RuntimeException {

    public enum Why {
        NEEDED, INVALID
    }

    private final Why why;

    public SuccessorRefusedException(Why why) {
        super(why.name());
        this.why = why;
    }

    public Why why() {
        return why;
    }
}

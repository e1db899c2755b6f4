package com.keyaccount.crm.prospect.application;

/** A tick that cannot be recorded, and why. */
public class TickRejectedException extends RuntimeException {

    public enum Why {
        /** The ladder in force has no such condition. */
        UNKNOWN_CONDITION,
        /** The record shows this one (five facts, industry, size, first order): it is not ticked by hand. */
        AUTOMATIC,
        /** A decision-maker condition names no contact of this customer. */
        CONTACT_REQUIRED,
        /** Confirmed on a day that has not come yet. */
        FUTURE_DATE,
        /** The note is longer than 500 characters or holds control characters. */
        NOTE_INVALID
    }

    private final Why why;

    TickRejectedException(Why why) {
        super("tick rejected: " + why);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}

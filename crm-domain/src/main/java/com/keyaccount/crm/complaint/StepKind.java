package com.keyaccount.crm.complaint;

/** One step of a complaint's history. */
public enum StepKind {
    RECEIVED,
    ANSWERED,
    RESOLVED,
    CONFIRMED,
    REOPENED,
    /** Handed to another account manager; the note names them. */
    ASSIGNED
}

package com.keyaccount.crm.complaint;

/** One step of a complaint's history. */
public enum StepKind {
    RECEIVED,
    ANSWERED,
    RESOLVED,
    CONFIRMED,
    REOPENED
}

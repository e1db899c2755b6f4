package com.keyaccount.crm.tier.application;

/** Another recompute holds the lock; this request did nothing. */
public class RecomputeAlreadyRunningException extends RuntimeException {

    public RecomputeAlreadyRunningException() {
        super("a tier recompute is already running");
    }
}

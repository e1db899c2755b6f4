package com.keyaccount.crm.tier.application;

/** The customer is designated a key account (高层指定): its tier is held until the designation is withdrawn. */
public class HeldByDesignationException extends RuntimeException {

    public HeldByDesignationException() {
        super("the tier is held by a key-account designation; withdraw the designation first");
    }
}

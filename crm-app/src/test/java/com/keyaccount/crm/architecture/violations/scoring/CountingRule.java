package com.keyaccount.crm.architecture.violations.scoring;

import io.micrometer.core.instrument.Counter;

/** A deliberate violation: a "rule" that records its own metric instead of leaving it to its service. */
public record CountingRule(Counter decisions) {

    public boolean isKeyAccount(long revenue) {
        decisions.increment();
        return revenue > 1_000_000;
    }
}

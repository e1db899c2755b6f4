package com.keyaccount.crm.tier.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Cumulative revenue-share cutoffs: a customer with less than {@code a} of total revenue ranked
 * before it is A, less than {@code b} is B, otherwise C. SPEC: 0 &lt; a &lt; b &le; 1.
 */
public record ParetoCutoffs(BigDecimal a, BigDecimal b) {

    public static final ParetoCutoffs DEFAULT = new ParetoCutoffs(new BigDecimal("0.80"), new BigDecimal("0.95"));

    public ParetoCutoffs {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.signum() <= 0 || a.compareTo(b) >= 0 || b.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("cutoffs must satisfy 0 < A < B <= 1, got A=" + a + ", B=" + b);
        }
    }
}

package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
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
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        if (a.signum() <= 0) {
            found.add(Violation.of("a", Violation.MIN, 0, 1));
        } else if (a.compareTo(BigDecimal.ONE) >= 0) {
            found.add(Violation.of("a", Violation.MAX, 0, 1));
        }
        if (b.signum() <= 0) {
            found.add(Violation.of("b", Violation.MIN, 0, 1));
        } else if (b.compareTo(BigDecimal.ONE) > 0) {
            found.add(Violation.of("b", Violation.MAX, 0, 1));
        }
        if (a.compareTo(b) >= 0) {
            found.add(Violation.of("a", "cutoffs.order"));
        }
        return found;
    }
}

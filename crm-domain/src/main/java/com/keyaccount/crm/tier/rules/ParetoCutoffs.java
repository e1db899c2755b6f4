package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cumulative revenue-share cutoffs: a customer with less than {@code a} of total revenue ranked
 * before it is A, less than {@code b} is B, otherwise C. SPEC: 0 &lt; a &lt; b &le; 1. A ladder
 * of four or five tiers cuts further: less than {@code lower[0]} is C, less than {@code lower[1]}
 * D, otherwise the bottom tier.
 *
 * @param lower the cuts below B's, top first; empty with three tiers
 */
public record ParetoCutoffs(BigDecimal a, BigDecimal b, List<BigDecimal> lower) {

    public static final ParetoCutoffs DEFAULT = new ParetoCutoffs(new BigDecimal("0.80"), new BigDecimal("0.95"));

    public ParetoCutoffs {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        // a version stored before longer ladders has none
        lower = lower == null ? List.of() : List.copyOf(lower);
    }

    /** The cutoffs of a three-tier ladder. */
    public ParetoCutoffs(BigDecimal a, BigDecimal b) {
        this(a, b, List.of());
    }

    /** Every cut, top first: one per boundary between two tiers. */
    public List<BigDecimal> limits() {
        List<BigDecimal> all = new ArrayList<>(List.of(a, b));
        all.addAll(lower);
        return all;
    }

    /** The same cutoffs with {@code lower} below B's. */
    public ParetoCutoffs withLower(List<BigDecimal> lower) {
        return new ParetoCutoffs(a, b, lower);
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
        BigDecimal above = b;
        for (int i = 0; i < lower.size(); i++) {
            BigDecimal cut = lower.get(i);
            String at = "lower[" + i + "]";
            if (cut.compareTo(BigDecimal.ONE) > 0) {
                found.add(Violation.of(at, Violation.MAX, 0, 1));
            } else if (cut.compareTo(above) <= 0) {
                found.add(Violation.of(at, "cutoffs.order"));
            }
            above = cut;
        }
        return found;
    }
}

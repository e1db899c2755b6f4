package com.keyaccount.crm.shared.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a rule as an admin typed it. The rule records find their own violations
 * (so an invariant is written once, beside the data it constrains); a form only says where each
 * path is on its page and which message a code reads as.
 *
 * @param path where, by record component from the checked record down, e.g.
 *             {@code scorecard.criteria[1].bands[0].threshold}
 * @param code what, a stable name: {@link #MIN} and {@link #MAX} for a number out of its range
 *             (args: the smallest and the largest allowed), otherwise named by the record
 * @param args the values a message about it needs
 */
public record Violation(String path, String code, List<Object> args) {

    public static final String MIN = "min";
    public static final String MAX = "max";

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        args = List.copyOf(args);
    }

    public static Violation of(String path, String code, Object... args) {
        return new Violation(path, code, List.of(args));
    }

    /** This violation as seen from the record that holds the checked one as {@code component}. */
    public Violation under(String component) {
        String joined = path.isEmpty() ? component : path.startsWith("[") ? component + path : component + "." + path;
        return new Violation(joined, code, args);
    }

    /** Adds {@link #MIN} or {@link #MAX} when {@code value} is outside {@code low..high}. */
    public static void range(List<Violation> into, String path, long value, int low, int high) {
        if (value < low) {
            into.add(of(path, MIN, low, high));
        } else if (value > high) {
            into.add(of(path, MAX, low, high));
        }
    }

    /** Adds {@link #MIN} when {@code value} is below {@code low}; there is no largest value. */
    public static void atLeast(List<Violation> into, String path, BigDecimal value, BigDecimal low) {
        if (value.compareTo(low) < 0) {
            into.add(of(path, MIN, low));
        }
    }

    /** For code that computes with rules: they must have no violation left. */
    public static void requireNone(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("rules with violations: " + violations);
        }
    }
}

package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One step of a criterion: a value at or beyond {@code threshold} (at least, or at most,
 * depending on the criterion's direction) earns {@code points}.
 */
public record PointBand(BigDecimal threshold, int points) {

    /** More than any sensible scorecard gives for one criterion: a typo, not a rule. */
    public static final int MOST_POINTS = 1000;

    public PointBand {
        Objects.requireNonNull(threshold, "threshold");
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        Violation.atLeast(found, "threshold", threshold, BigDecimal.ZERO);
        Violation.range(found, "points", points, 0, MOST_POINTS);
        return found;
    }
}

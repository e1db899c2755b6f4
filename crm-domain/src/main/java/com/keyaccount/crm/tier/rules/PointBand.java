package com.keyaccount.crm.tier.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One step of a criterion: a value at or beyond {@code threshold} (at least, or at most,
 * depending on the criterion's direction) earns {@code points}.
 */
public record PointBand(BigDecimal threshold, int points) {

    public PointBand {
        Objects.requireNonNull(threshold, "threshold");
        if (points < 0) {
            throw new IllegalArgumentException("points cannot be negative");
        }
    }
}

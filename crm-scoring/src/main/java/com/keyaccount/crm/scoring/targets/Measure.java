package com.keyaccount.crm.scoring.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One assessed figure (考核指标) of a person or team in a period: what was done, the target, and
 * the same period a year before, to the same day (历史同期).
 */
public record Measure(BigDecimal actual, BigDecimal target, BigDecimal yearBefore) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Measure of(long actual, Integer target, long yearBefore) {
        return new Measure(BigDecimal.valueOf(actual), target == null ? null : BigDecimal.valueOf(target),
                BigDecimal.valueOf(yearBefore));
    }

    /** Done against the target in percent, one decimal; null without a target (a target of 0 is met by anything). */
    public BigDecimal attainedPercent() {
        if (target == null) {
            return null;
        }
        if (target.signum() == 0) {
            return actual.signum() >= 0 ? HUNDRED : BigDecimal.ZERO;
        }
        return actual.multiply(HUNDRED).divide(target, 1, RoundingMode.HALF_UP);
    }

    /** Growth against the year before in percent, one decimal; null when there was nothing to grow from. */
    public BigDecimal growthPercent() {
        if (yearBefore == null || yearBefore.signum() <= 0) {
            return null;
        }
        return actual.subtract(yearBefore).multiply(HUNDRED).divide(yearBefore, 1, RoundingMode.HALF_UP);
    }

    /** Two measures added: a team's of its people. A target missing on either side is missing in the sum. */
    public Measure plus(Measure other) {
        return new Measure(actual.add(other.actual), target == null || other.target == null ? null
                : target.add(other.target), yearBefore == null || other.yearBefore == null ? null
                : yearBefore.add(other.yearBefore));
    }
}

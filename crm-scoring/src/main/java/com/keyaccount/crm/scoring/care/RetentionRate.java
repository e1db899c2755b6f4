package com.keyaccount.crm.scoring.care;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Churn and retention over a period: of the customers there at its start ({@code atStart}),
 * how many were lost during it. Retention is the rest: 100 − churn. Customers won during the
 * period are not in either figure, so new business cannot hide losses.
 */
public record RetentionRate(long atStart, long lost) {

    public RetentionRate {
        if (atStart < 0 || lost < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
    }

    /** Lost of those at the start, in percent to one decimal; null when there was no one. */
    public BigDecimal churnPercent() {
        if (atStart == 0) {
            return null;
        }
        return BigDecimal.valueOf(Math.min(lost, atStart) * 100L).divide(BigDecimal.valueOf(atStart), 1,
                RoundingMode.HALF_UP);
    }

    public BigDecimal retentionPercent() {
        BigDecimal churn = churnPercent();
        return churn == null ? null : BigDecimal.valueOf(100).setScale(1).subtract(churn);
    }

    public static RetentionRate sum(Iterable<? extends RetentionRate> rates) {
        RetentionRate total = new RetentionRate(0, 0);
        for (RetentionRate r : rates) {
            total = total.plus(r);
        }
        return total;
    }

    public RetentionRate plus(RetentionRate other) {
        return new RetentionRate(atStart + other.atStart, lost + other.lost);
    }
}

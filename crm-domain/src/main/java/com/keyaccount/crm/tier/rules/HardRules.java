package com.keyaccount.crm.tier.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Floors a customer must clear (SPEC "Tier rules" 3): more than {@code ordersForA} orders and
 * more than {@code revenueForA} in the window is A; likewise for B; otherwise C.
 */
public record HardRules(long ordersForA, BigDecimal revenueForA, long ordersForB, BigDecimal revenueForB) {

    /** The seed's battery example: A > 5 orders and > 100k; B > 3 orders and > 10k. */
    public static final HardRules DEFAULT = new HardRules(5, new BigDecimal("100000"), 3, new BigDecimal("10000"));

    public HardRules {
        Objects.requireNonNull(revenueForA, "revenueForA");
        Objects.requireNonNull(revenueForB, "revenueForB");
        if (ordersForA < 0 || ordersForB < 0 || revenueForA.signum() < 0 || revenueForB.signum() < 0) {
            throw new IllegalArgumentException("floors cannot be negative");
        }
        if (ordersForB > ordersForA || revenueForB.compareTo(revenueForA) > 0) {
            throw new IllegalArgumentException("the B floors cannot be above the A floors");
        }
    }
}

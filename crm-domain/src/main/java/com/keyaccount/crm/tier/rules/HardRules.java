package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Floors a customer must clear (SPEC "Tier rules" 3): more than {@code ordersForA} orders and
 * more than {@code revenueForA} in the window is A; likewise for B; otherwise C.
 */
public record HardRules(long ordersForA, BigDecimal revenueForA, long ordersForB, BigDecimal revenueForB) {

    /** The seed's battery example: A > 5 orders and > 100k; B > 3 orders and > 10k. */
    public static final HardRules DEFAULT = new HardRules(5, new BigDecimal("100000"), 3, new BigDecimal("10000"));

    public static final int MOST_ORDERS = 1_000_000;

    public HardRules {
        Objects.requireNonNull(revenueForA, "revenueForA");
        Objects.requireNonNull(revenueForB, "revenueForB");
    }

    /** B's floors above A's would make B harder to reach than A. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        Violation.range(found, "ordersForA", ordersForA, 0, MOST_ORDERS);
        Violation.atLeast(found, "revenueForA", revenueForA, BigDecimal.ZERO);
        Violation.range(found, "ordersForB", ordersForB, 0, MOST_ORDERS);
        Violation.atLeast(found, "revenueForB", revenueForB, BigDecimal.ZERO);
        if (ordersForB > ordersForA) {
            found.add(Violation.of("ordersForB", "hard.orders"));
        }
        if (revenueForB.compareTo(revenueForA) > 0) {
            found.add(Violation.of("revenueForB", "hard.revenue"));
        }
        return found;
    }
}

package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Floors a customer must clear (SPEC "Tier rules" 3): more than {@code ordersForA} orders and
 * more than {@code revenueForA} in the window is A; likewise for B; otherwise C. A ladder of four
 * or five tiers has floors for C and D too ({@code lower}); below the last floor is the bottom tier.
 *
 * @param lower the floors below B's, top first; empty with three tiers
 */
public record HardRules(long ordersForA, BigDecimal revenueForA, long ordersForB, BigDecimal revenueForB,
        List<Floor> lower) {

    /** The seed's battery example: A > 5 orders and > 100k; B > 3 orders and > 10k. */
    public static final HardRules DEFAULT = new HardRules(5, new BigDecimal("100000"), 3, new BigDecimal("10000"));

    public static final int MOST_ORDERS = 1_000_000;

    /** One tier's floors: more orders than {@code orders} and more than {@code revenue}. */
    public record Floor(long orders, BigDecimal revenue) {

        public Floor {
            Objects.requireNonNull(revenue, "revenue");
        }
    }

    public HardRules {
        Objects.requireNonNull(revenueForA, "revenueForA");
        Objects.requireNonNull(revenueForB, "revenueForB");
        // a version stored before longer ladders has none
        lower = lower == null ? List.of() : List.copyOf(lower);
    }

    /** The floors of a three-tier ladder. */
    public HardRules(long ordersForA, BigDecimal revenueForA, long ordersForB, BigDecimal revenueForB) {
        this(ordersForA, revenueForA, ordersForB, revenueForB, List.of());
    }

    /** Every tier's floors but the bottom one's, top first. */
    public List<Floor> floors() {
        List<Floor> all = new ArrayList<>(List.of(new Floor(ordersForA, revenueForA), new Floor(ordersForB, revenueForB)));
        all.addAll(lower);
        return all;
    }

    /** The same floors with {@code lower} below B's. */
    public HardRules withLower(List<Floor> lower) {
        return new HardRules(ordersForA, revenueForA, ordersForB, revenueForB, lower);
    }

    /** A lower tier's floors above the one above it would make it harder to reach than that one. */
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
        Floor above = new Floor(ordersForB, revenueForB);
        for (int i = 0; i < lower.size(); i++) {
            Floor floor = lower.get(i);
            String at = "lower[" + i + "]";
            Violation.range(found, at + ".orders", floor.orders(), 0, MOST_ORDERS);
            Violation.atLeast(found, at + ".revenue", floor.revenue(), BigDecimal.ZERO);
            if (floor.orders() > above.orders()) {
                found.add(Violation.of(at + ".orders", "hard.orders"));
            }
            if (floor.revenue().compareTo(above.revenue()) > 0) {
                found.add(Violation.of(at + ".revenue", "hard.revenue"));
            }
            above = floor;
        }
        return found;
    }
}

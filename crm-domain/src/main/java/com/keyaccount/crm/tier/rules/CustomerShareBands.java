package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bands by share of customers (seed 002: the top 20% of customers by purchases are 重要客户, the
 * next 30% 主要客户, …): the customers ranked by the measure are cut by their <em>number</em>,
 * where Pareto cuts by revenue. Each cut point is the share of customers ranked above the band
 * below it: with 20% and 50%, a customer with fewer than 20% of the customers above it is in the
 * top tier, fewer than 50% the second, otherwise the third.
 *
 * @param cuts one per boundary between two tiers, top first, each above 0 and below 1, rising
 */
public record CustomerShareBands(List<BigDecimal> cuts) {

    /** Seed 002's first two cuts: top 20%, next 30%, the other half (its four classes cut at 20%, 50% and 80%). */
    public static final CustomerShareBands DEFAULT = new CustomerShareBands(List.of(new BigDecimal("0.20"),
            new BigDecimal("0.50")));

    public CustomerShareBands {
        cuts = List.copyOf(cuts);
        cuts.forEach(c -> Objects.requireNonNull(c, "cut"));
    }

    /** The most cuts a ladder needs: one fewer than its most tiers. */
    public static final int MOST_CUTS = TierLadder.MOST_TIERS - 1;

    /** Each cut's range and order; whether there is one per boundary of the ladder is the rule set's to say. */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            BigDecimal cut = cuts.get(i);
            String at = "cuts[" + i + "]";
            if (cut.signum() <= 0) {
                found.add(Violation.of(at, Violation.MIN, 0, 1));
            } else if (cut.compareTo(BigDecimal.ONE) >= 0) {
                found.add(Violation.of(at, Violation.MAX, 0, 1));
            } else if (i > 0 && cut.compareTo(cuts.get(i - 1)) <= 0) {
                found.add(Violation.of(at, "shares.order"));
            }
        }
        return found;
    }
}

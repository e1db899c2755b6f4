package com.keyaccount.crm.scoring.care;

import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One version of the care rules: how many days ahead a task appears, the gift cost above which a
 * director approves, the yearly budget per customer of each tier, the tiers whose contacts'
 * birthdays and anniversaries and the holidays become tasks, and the order size that earns a
 * thank-you call (a first order always does).
 */
public record CareRules(int version, int leadDays, BigDecimal approvalThreshold, Map<Tier, BigDecimal> budgets,
        Set<Tier> careTiers, List<String> holidays, BigDecimal largeOrder) {

    public static final int MAX_LEAD_DAYS = 60;

    public CareRules {
        budgets = Map.copyOf(new EnumMap<>(budgets));
        careTiers = Set.copyOf(careTiers);
        holidays = List.copyOf(holidays);
    }

    /** Whether birthdays, anniversaries and holidays of a customer of {@code tier} become tasks. */
    public boolean caresFor(Tier tier) {
        return tier != null && careTiers.contains(tier);
    }

    /**
     * The customer's yearly budget: its own where one was set, else its tier's; a customer not
     * yet classified, or in a fourth or fifth tier (budgets are set for three), has tier C's.
     */
    public BigDecimal budgetOf(Tier tier, BigDecimal own) {
        if (own != null) {
            return own;
        }
        return budgets.getOrDefault(tier == null || tier.ordinal() > Tier.C.ordinal() ? Tier.C : tier, BigDecimal.ZERO);
    }

    /** A gift costing more than the threshold waits for a director; exactly the threshold does not. */
    public boolean needsApproval(BigDecimal cost) {
        return cost != null && cost.compareTo(approvalThreshold) > 0;
    }
}

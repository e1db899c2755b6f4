package com.keyaccount.crm.scoring.care;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A year's care budget and what was given against it (gifts marked given, approved where needed). */
public record CareBudget(BigDecimal budget, BigDecimal spent) {

    public CareBudget {
        budget = budget == null ? BigDecimal.ZERO : budget;
        spent = spent == null ? BigDecimal.ZERO : spent;
    }

    public static CareBudget sum(Iterable<CareBudget> parts) {
        BigDecimal budget = BigDecimal.ZERO;
        BigDecimal spent = BigDecimal.ZERO;
        for (CareBudget part : parts) {
            budget = budget.add(part.budget);
            spent = spent.add(part.spent);
        }
        return new CareBudget(budget, spent);
    }

    /** Left to spend; negative when over budget. */
    public BigDecimal remaining() {
        return budget.subtract(spent);
    }

    public boolean over() {
        return spent.compareTo(budget) > 0;
    }

    /** Share of the budget spent, in percent to one decimal; null without a budget. */
    public BigDecimal percentUsed() {
        if (budget.signum() == 0) {
            return null;
        }
        return spent.multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP);
    }

    /** Whether spending {@code cost} more stays within the budget. */
    public boolean allows(BigDecimal cost) {
        return spent.add(cost).compareTo(budget) <= 0;
    }
}

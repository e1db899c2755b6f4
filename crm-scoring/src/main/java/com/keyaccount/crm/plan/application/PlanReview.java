package com.keyaccount.crm.plan.application;

import com.keyaccount.crm.scoring.plan.ActionProgress.Progress;
import java.math.BigDecimal;
import java.util.List;

/**
 * A plan against what was done in its quarter (so far, while it runs): each action's progress in
 * the plan's order, the contacts logged at the account, and its orders and net revenue beside the
 * revenue the plan expected and the same quarter a year before (历史同期).
 */
public record PlanReview(List<Progress> actions, int contacts, int visits, long orders, BigDecimal revenue,
        BigDecimal revenueYearBefore, BigDecimal expectedRevenue) {

    /** Revenue against the year before, in percent; null when there was none to compare with. */
    public BigDecimal growthPercent() {
        if (revenueYearBefore == null || revenueYearBefore.signum() <= 0) {
            return null;
        }
        return revenue.subtract(revenueYearBefore).multiply(BigDecimal.valueOf(100))
                .divide(revenueYearBefore, 1, java.math.RoundingMode.HALF_UP);
    }

    /** Revenue against what the plan expected, in percent; null when it expected none. */
    public BigDecimal expectedPercent() {
        if (expectedRevenue == null || expectedRevenue.signum() <= 0) {
            return null;
        }
        return revenue.multiply(BigDecimal.valueOf(100)).divide(expectedRevenue, 1, java.math.RoundingMode.HALF_UP);
    }
}

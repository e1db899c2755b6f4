package com.keyaccount.crm.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What classification knows of a customer, aggregated over the evaluation window.
 *
 * @param averageDaysToPay over the paid orders of the window; {@code null} without payment history
 */
public record CustomerFigures(long customerId, BigDecimal revenue, long orderCount, Double averageDaysToPay) {

    public CustomerFigures {
        Objects.requireNonNull(revenue, "revenue");
        if (revenue.signum() < 0 || orderCount < 0) {
            throw new IllegalArgumentException("figures cannot be negative: customer " + customerId);
        }
    }

    public static CustomerFigures revenueOnly(long customerId, BigDecimal revenue) {
        return new CustomerFigures(customerId, revenue, revenue.signum() == 0 ? 0 : 1, null);
    }
}

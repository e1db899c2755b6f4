package com.keyaccount.crm.scoring.pareto;

import java.math.BigDecimal;
import java.util.Objects;

/** A customer's revenue in the evaluation window; customers without orders have zero. */
public record CustomerRevenue(long customerId, BigDecimal revenue) {

    public CustomerRevenue {
        Objects.requireNonNull(revenue, "revenue");
        if (revenue.signum() < 0) {
            throw new IllegalArgumentException("revenue cannot be negative: customer " + customerId);
        }
    }
}

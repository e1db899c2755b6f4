package com.keyaccount.crm.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A customer's sales over a window: sales, credit notes and returns (zero or negative), their net
 * (revenue), the gross margin of the lines that carry one ({@code null} when none does), the
 * number of sale orders and the average days to pay.
 */
public record SalesSummary(BigDecimal sales, BigDecimal credits, BigDecimal revenue, BigDecimal margin,
        long orderCount, Double averageDaysToPay) {

    /** Sales without credit notes or margins. */
    public SalesSummary(BigDecimal revenue, long orderCount, Double averageDaysToPay) {
        this(revenue, BigDecimal.ZERO, revenue, null, orderCount, averageDaysToPay);
    }

    /** Gross margin as a share of net revenue, or {@code null} without a margin or a positive net. */
    public BigDecimal marginShare() {
        return margin == null || revenue.signum() <= 0 ? null : margin.divide(revenue, 4, RoundingMode.HALF_UP);
    }
}

package com.keyaccount.crm.sales;

import java.math.BigDecimal;

/** A customer's sales over a window: revenue, order count and average days to pay. */
public record SalesSummary(BigDecimal revenue, long orderCount, Double averageDaysToPay) {
}

package com.keyaccount.crm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a customer's recent orders as the customer page lists it.
 *
 * @param refersTo the order a credit note or return names, if it names one
 * @param productLine the product line's name, or its code until an admin names it; {@code null}: none
 */
public record RecentOrder(String orderNo, LocalDate orderDate, BigDecimal amount, LocalDate paidDate,
        String refersTo, String productLine, BigDecimal margin) {

    /** A negative amount: a credit note or return. */
    public boolean creditNote() {
        return amount.signum() < 0;
    }
}

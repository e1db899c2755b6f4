package com.keyaccount.crm.sales.importing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One valid line of a sales file, resolved to the customer it belongs to. A negative amount is a
 * credit note or return, which may name the order it refers to; the product line is the ERP's
 * code (created on merge when new); margin is {@code null} when the line gave neither cost nor margin.
 */
record SalesLine(long lineNo, long customerId, String orderNo, LocalDate orderDate, BigDecimal amount,
        LocalDate dueDate, LocalDate paidDate, String productLineCode, String refersTo, BigDecimal margin) {

    boolean creditNote() {
        return amount.signum() < 0;
    }
}

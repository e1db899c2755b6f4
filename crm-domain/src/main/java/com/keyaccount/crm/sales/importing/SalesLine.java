package com.keyaccount.crm.sales.importing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One valid line of a sales file, resolved to the customer it belongs to. */
record SalesLine(long lineNo, long customerId, String orderNo, LocalDate orderDate, BigDecimal amount,
        LocalDate dueDate, LocalDate paidDate) {
}

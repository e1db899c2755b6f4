package com.keyaccount.crm.api.web;

import java.util.HashMap;
import java.util.Map;

/**
 * One pushed order line; amounts and dates as text so that "1,234.50", "¥99" and "2026/11/22" work
 * as in files. A negative amount is a credit note or return, which may name the order it refers
 * to; product line, cost and margin are optional, as in files.
 */
public record OrderPayload(String customerCode, String orderNo, String orderDate, String amount, String dueDate,
        String paidDate, String refersTo, String productLine, String cost, String margin) {

    /** JSON field names by the import's column names, to name the field in errors. */
    static final Map<String, String> FIELDS = Map.of("customer_code", "customerCode", "order_no", "orderNo",
            "order_date", "orderDate", "amount", "amount", "due_date", "dueDate", "paid_date", "paidDate",
            "refers_to", "refersTo", "product_line", "productLine", "cost", "cost", "margin", "margin");

    Map<String, String> cells() {
        Map<String, String> cells = new HashMap<>();
        cells.put("customer_code", customerCode);
        cells.put("order_no", orderNo);
        cells.put("order_date", orderDate);
        cells.put("amount", amount);
        cells.put("due_date", dueDate);
        cells.put("paid_date", paidDate);
        cells.put("refers_to", refersTo);
        cells.put("product_line", productLine);
        cells.put("cost", cost);
        cells.put("margin", margin);
        return cells;
    }
}

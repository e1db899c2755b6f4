package com.keyaccount.crm.api.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.HashMap;
import java.util.Map;

/**
 * One pushed order line; amounts and dates as text so that "1,234.50", "¥99" and "2026/11/22" work
 * as in files. A negative amount is a credit note or return, which may name the order it refers
 * to; product line, cost and margin are optional, as in files.
 */
@Schema(name = "Order")
public record OrderPayload(
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "C00042")
        String customerCode,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 40, example = "SO-2026-0001")
        String orderNo,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "2026-11-22 or 2026/11/22", example = "2026-11-22")
        String orderDate,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "at most two decimals; 1,234.50 and ¥1234.5 are "
                + "accepted; negative = a credit note or return; 0.00 is accepted", example = "12,500.00")
        String amount,
        @Schema(nullable = true, example = "2026-12-22")
        String dueDate,
        @Schema(nullable = true, description = "empty or null = unpaid")
        String paidDate,
        @Schema(nullable = true, maxLength = 40, description = "only on a negative amount: the order this credit note "
                + "or return refers to, of the same customer, stored or in the same batch; the credit notes naming an "
                + "order may not come to more than its amount")
        String refersTo,
        @Schema(nullable = true, maxLength = 40, description = "the ERP's product line code, part of the line's "
                + "identity; a new code creates a product line unless an admin switched that off "
                + "(UNKNOWN_PRODUCT_LINE); a credit note naming an order without one takes the order's", example = "PUMPS")
        String productLine,
        @Schema(nullable = true, description = "not negative; margin = amount − cost for a sale, amount + cost for a "
                + "credit note (the goods come back)", example = "9,800.00")
        String cost,
        @Schema(nullable = true, description = "gross margin of the line: at most the amount for a sale, at least the "
                + "amount for a credit note; must agree with cost when both are sent")
        String margin) {

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

package com.keyaccount.crm.scoring.method;

import com.keyaccount.crm.scoring.Explanation;

/**
 * Where a customer's tier came from when tiers are ranked per product line: "A — its best line
 * tier (家电)", "B — its tier on 家电", "C — no sales on any product line in the window".
 *
 * @param productLineId the line the tier was taken from, or the named line it has no sales on;
 *                      {@code null} for a customer without sales on any line
 */
public record QuotaTierExplanation(Basis basis, Long productLineId) implements Explanation {

    public enum Basis {
        BEST_LINE,
        NAMED_LINE,
        NO_LINE_SALES,
        NO_NAMED_LINE_SALES
    }
}

package com.keyaccount.crm.prospect.rules;

import java.math.BigDecimal;

/**
 * Which prospects are served first (seed 003, 立项潜在客户分级): A when it closes within three
 * months or is worth over ¥100k a month, B within six months or ¥50–100k, C within a year or
 * ¥20–50k, D the rest. The better of the two readings counts. A close-time class D ("later than
 * six months") reads as C here, E ("no chance") as D.
 */
public enum PriorityClass {
    A,
    B,
    C,
    D;

    private static final BigDecimal A_MONTHLY = new BigDecimal("100000");
    private static final BigDecimal B_MONTHLY = new BigDecimal("50000");
    private static final BigDecimal C_MONTHLY = new BigDecimal("20000");

    /** {@code null} when neither the close class nor the expected monthly value is known. */
    public static PriorityClass of(CloseClass close, BigDecimal expectedMonthly) {
        PriorityClass byTime = close == null ? null : switch (close) {
            case A, B -> A;
            case C -> B;
            case D -> C;
            case E -> D;
        };
        PriorityClass byValue = expectedMonthly == null ? null
                : expectedMonthly.compareTo(A_MONTHLY) > 0 ? A
                : expectedMonthly.compareTo(B_MONTHLY) >= 0 ? B
                : expectedMonthly.compareTo(C_MONTHLY) >= 0 ? C : D;
        if (byTime == null) {
            return byValue;
        }
        return byValue == null || byTime.ordinal() <= byValue.ordinal() ? byTime : byValue;
    }
}

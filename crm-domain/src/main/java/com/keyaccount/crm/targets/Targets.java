package com.keyaccount.crm.targets;

import java.math.BigDecimal;

/** The figures a person is expected to reach in a period; null is no target. */
public record Targets(BigDecimal revenue, Integer orders, Integer newKeyAccounts) {

    public static final Targets NONE = new Targets(null, null, null);
    public static final BigDecimal REVENUE_MAX = new BigDecimal("999999999999.99");
    public static final int COUNT_MAX = 1_000_000;

    public boolean isNone() {
        return revenue == null && orders == null && newKeyAccounts == null;
    }
}

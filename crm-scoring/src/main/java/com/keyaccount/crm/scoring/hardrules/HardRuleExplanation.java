package com.keyaccount.crm.scoring.hardrules;

import com.keyaccount.crm.scoring.Explanation;
import com.keyaccount.crm.scoring.Measured;
import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;

/** The figures checked against the floors: "B — 4 orders, net revenue ¥56,000 (A needs > 5 and > ¥100,000)". */
public record HardRuleExplanation(long orderCount, Measured measured) implements Explanation {

    /** Checked on a net revenue above zero. */
    public HardRuleExplanation(long orderCount, BigDecimal revenue) {
        this(orderCount, new Measured(Measure.NET_REVENUE, revenue, revenue.signum() < 0));
    }
}

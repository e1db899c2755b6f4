package com.keyaccount.crm.scoring.hardrules;

import com.keyaccount.crm.scoring.Explanation;
import java.math.BigDecimal;

/** The figures checked against the floors: "B — 4 orders, ¥56,000 (A needs > 5 and > ¥100,000)". */
public record HardRuleExplanation(long orderCount, BigDecimal revenue) implements Explanation {
}

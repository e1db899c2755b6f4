package com.keyaccount.crm.scoring.hardrules;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.HardRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Hard-rule classification (SPEC "Tier rules" 3): both floors of a tier must be exceeded. */
public final class HardRulesClassifier {

    private HardRulesClassifier() {
    }

    /** @throws IllegalArgumentException for floors with violations, which would classify nonsense */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, HardRules rules) {
        Violation.requireNone(rules.violations());
        List<TierDecision> decisions = new ArrayList<>(customers.size());
        for (CustomerFigures c : customers) {
            Tier tier = clears(c, rules.ordersForA(), rules.revenueForA()) ? Tier.A
                    : clears(c, rules.ordersForB(), rules.revenueForB()) ? Tier.B
                    : Tier.C;
            decisions.add(new TierDecision(c.customerId(), tier, new HardRuleExplanation(c.orderCount(), c.revenue())));
        }
        return decisions;
    }

    private static boolean clears(CustomerFigures c, long orders, BigDecimal revenue) {
        return c.orderCount() > orders && c.revenue().compareTo(revenue) > 0;
    }
}

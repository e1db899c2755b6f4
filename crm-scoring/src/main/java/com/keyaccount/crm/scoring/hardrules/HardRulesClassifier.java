package com.keyaccount.crm.scoring.hardrules;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.Measured;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Hard-rule classification (SPEC "Tier rules" 3): both floors of a tier must be exceeded; the
 * amount floors are compared with the measure (net revenue or gross margin, zero or less as zero).
 */
public final class HardRulesClassifier {

    private HardRulesClassifier() {
    }

    /** On net revenue. */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, HardRules rules) {
        return classify(customers, rules, Measure.NET_REVENUE);
    }

    /** @throws IllegalArgumentException for floors with violations, which would classify nonsense */
    public static List<TierDecision> classify(Collection<CustomerFigures> customers, HardRules rules,
            Measure measure) {
        Violation.requireNone(rules.violations());
        List<HardRules.Floor> floors = rules.floors();
        List<TierDecision> decisions = new ArrayList<>(customers.size());
        for (CustomerFigures c : customers) {
            BigDecimal amount = c.measured(measure);
            Tier tier = tierOf(c, amount, floors);
            decisions.add(new TierDecision(c.customerId(), tier,
                    new HardRuleExplanation(c.orderCount(), Measured.of(c, measure))));
        }
        return decisions;
    }

    /** The first tier whose floors the customer clears; none cleared, the bottom tier. */
    private static Tier tierOf(CustomerFigures c, BigDecimal amount, List<HardRules.Floor> floors) {
        for (int i = 0; i < floors.size(); i++) {
            if (clears(c, amount, floors.get(i).orders(), floors.get(i).revenue())) {
                return Tier.at(i);
            }
        }
        return Tier.at(floors.size());
    }

    private static boolean clears(CustomerFigures c, BigDecimal amount, long orders, BigDecimal floor) {
        return c.orderCount() > orders && amount.compareTo(floor) > 0;
    }
}

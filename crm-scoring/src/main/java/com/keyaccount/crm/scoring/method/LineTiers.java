package com.keyaccount.crm.scoring.method;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.tier.rules.RuleSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every product line's tiers and every customer's tier for visit quotas, ranked at once by
 * {@link PerLineTiers} from figures already in memory (a recompute over a large book ranks line
 * by line instead, holding one line at a time).
 *
 * @param byLine    each line's decisions
 * @param customers every customer's tier for quotas, explained by a {@link QuotaTierExplanation}
 */
public record LineTiers(Map<Long, List<TierDecision>> byLine, List<TierDecision> customers) {

    static LineTiers classify(RuleSet rules, Collection<Long> customers, Map<Long, List<CustomerFigures>> byLine) {
        PerLineTiers ranking = new PerLineTiers(rules);
        Map<Long, List<TierDecision>> decided = new TreeMap<>();
        new TreeMap<>(byLine).forEach((line, figures) -> decided.put(line, ranking.rank(line, figures)));
        return new LineTiers(decided, ranking.quotaTiers(customers));
    }
}

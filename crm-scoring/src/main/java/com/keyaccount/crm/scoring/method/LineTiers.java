package com.keyaccount.crm.scoring.method;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.method.QuotaTierExplanation.Basis;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.RuleSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tiers per product line (seed 003: customers of different product categories are not rated in
 * one system): every line's customers are ranked by the active method as a book of their own, on
 * their figures on that line; a customer is on a line when it has sales or credit notes there in
 * the window. Its tier for visit quotas is the best of its line tiers, or its tier on the line
 * the rules name; without sales there, C.
 *
 * @param byLine    each line's decisions
 * @param customers every customer's tier for quotas, explained by a {@link QuotaTierExplanation}
 */
public record LineTiers(Map<Long, List<TierDecision>> byLine, List<TierDecision> customers) {

    static LineTiers classify(RuleSet rules, Collection<Long> customers, Map<Long, List<CustomerFigures>> byLine) {
        Map<Long, List<TierDecision>> decided = new TreeMap<>();
        // per customer, its lines in line-id order, so "the best line" is the same on every run
        Map<Long, Map<Long, Tier>> tiersOf = new HashMap<>();
        new TreeMap<>(byLine).forEach((line, figures) -> {
            List<TierDecision> decisions = TierMethods.classify(rules, figures);
            decided.put(line, decisions);
            for (TierDecision d : decisions) {
                tiersOf.computeIfAbsent(d.customerId(), id -> new TreeMap<>()).put(line, d.tier());
            }
        });
        Long named = rules.quotaProductLineId();
        List<TierDecision> quota = new ArrayList<>(customers.size());
        for (long customer : customers) {
            Map<Long, Tier> lines = tiersOf.getOrDefault(customer, Map.of());
            quota.add(named != null ? onNamed(customer, named, lines.get(named)) : best(customer, lines));
        }
        return new LineTiers(decided, quota);
    }

    private static TierDecision onNamed(long customer, long line, Tier tier) {
        return tier == null
                ? new TierDecision(customer, Tier.C, new QuotaTierExplanation(Basis.NO_NAMED_LINE_SALES, line))
                : new TierDecision(customer, tier, new QuotaTierExplanation(Basis.NAMED_LINE, line));
    }

    private static TierDecision best(long customer, Map<Long, Tier> lines) {
        Long bestLine = null;
        Tier best = null;
        for (Map.Entry<Long, Tier> line : lines.entrySet()) {
            if (best == null || line.getValue().ordinal() < best.ordinal()) {
                best = line.getValue();
                bestLine = line.getKey();
            }
        }
        return best == null
                ? new TierDecision(customer, Tier.C, new QuotaTierExplanation(Basis.NO_LINE_SALES, null))
                : new TierDecision(customer, best, new QuotaTierExplanation(Basis.BEST_LINE, bestLine));
    }
}

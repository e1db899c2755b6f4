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

/**
 * Tiers per product line (seed 003: customers of different product categories are not rated in
 * one system), ranked one line at a time: each line's customers are ranked by the active method
 * as a book of their own, on their figures on that line; a customer is on a line when it has
 * sales or credit notes there in the window. Its tier for visit quotas is the best of its line
 * tiers, or its tier on the line the rules name; without sales there, C.
 * <p>
 * Only one line's figures need be in memory at a time: per customer this keeps just the tier
 * that counts so far and its line. Lines must come in line-id order and only a better tier
 * replaces, so "the best line" is the lowest-numbered of equals on every run.
 */
public final class PerLineTiers {

    private final RuleSet rules;
    private final Long named;
    private final Map<Long, Counted> counted = new HashMap<>();
    private Long lastLine;

    private record Counted(Tier tier, long line) {
    }

    public PerLineTiers(RuleSet rules) {
        this.rules = rules;
        this.named = rules.quotaProductLineId();
    }

    /**
     * Ranks one line's customers on their figures there.
     *
     * @throws IllegalArgumentException when the line does not come after the last one ranked
     */
    public List<TierDecision> rank(long line, List<CustomerFigures> figures) {
        if (lastLine != null && line <= lastLine) {
            throw new IllegalArgumentException("product lines must be ranked in ascending id order: " + line
                    + " after " + lastLine);
        }
        lastLine = line;
        List<TierDecision> decisions = TierMethods.classify(rules, figures);
        if (named == null || named == line) {
            for (TierDecision d : decisions) {
                Counted before = counted.get(d.customerId());
                if (before == null || d.tier().ordinal() < before.tier().ordinal()) {
                    counted.put(d.customerId(), new Counted(d.tier(), line));
                }
            }
        }
        return decisions;
    }

    /** Every one of {@code customers}' tier for visit quotas, explained, from the lines ranked so far. */
    public List<TierDecision> quotaTiers(Collection<Long> customers) {
        List<TierDecision> quota = new ArrayList<>(customers.size());
        for (long customer : customers) {
            Counted c = counted.get(customer);
            if (named != null) {
                quota.add(c == null
                        ? new TierDecision(customer, Tier.lowestOf(rules.ladder()), new QuotaTierExplanation(Basis.NO_NAMED_LINE_SALES, named))
                        : new TierDecision(customer, c.tier(), new QuotaTierExplanation(Basis.NAMED_LINE, named)));
            } else {
                quota.add(c == null
                        ? new TierDecision(customer, Tier.lowestOf(rules.ladder()), new QuotaTierExplanation(Basis.NO_LINE_SALES, null))
                        : new TierDecision(customer, c.tier(), new QuotaTierExplanation(Basis.BEST_LINE, c.line())));
            }
        }
        return quota;
    }
}

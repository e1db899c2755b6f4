package com.keyaccount.crm.scoring.method;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.hardrules.HardRulesClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoClassifier;
import com.keyaccount.crm.scoring.scorecard.ScorecardClassifier;
import com.keyaccount.crm.scoring.share.CustomerShareClassifier;
import com.keyaccount.crm.tier.rules.RuleSet;
import java.util.List;

/**
 * The active method picks the classifier, on the rules' measure: the one classification the
 * recompute (on a published policy) and the what-if preview (on a draft's rules) both use, over
 * the whole book ({@link #classify}) or once per product line ({@link PerLineTiers}).
 */
public final class TierMethods {

    private TierMethods() {
    }

    /** Ranks {@code figures} as one book. */
    public static List<TierDecision> classify(RuleSet rules, List<CustomerFigures> figures) {
        return switch (rules.method()) {
            case PARETO -> ParetoClassifier.classify(figures, rules.pareto(), rules.measure());
            case SCORECARD -> ScorecardClassifier.classify(figures, rules.scorecard(), rules.windowMonths(),
                    rules.measure());
            case HARD_RULES -> HardRulesClassifier.classify(figures, rules.hardRules(), rules.measure());
            case CUSTOMER_SHARE -> CustomerShareClassifier.classify(figures, rules.shares(), rules.measure());
        };
    }
}

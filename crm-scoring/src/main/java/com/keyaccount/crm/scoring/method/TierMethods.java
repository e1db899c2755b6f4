package com.keyaccount.crm.scoring.method;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.hardrules.HardRulesClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoClassifier;
import com.keyaccount.crm.scoring.scorecard.ScorecardClassifier;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierMethod;
import java.util.List;

/**
 * The active method picks the classifier: the one classification the recompute (on a published
 * policy) and the what-if preview (on a draft's rules) both use.
 */
public final class TierMethods {

    private TierMethods() {
    }

    public static List<TierDecision> classify(RuleSet rules, List<CustomerFigures> figures) {
        return classify(rules.method(), rules.windowMonths(), rules.pareto(), rules.scorecard(), rules.hardRules(),
                figures);
    }

    public static List<TierDecision> classify(TierMethod method, int windowMonths, ParetoCutoffs pareto,
            Scorecard scorecard, HardRules hardRules, List<CustomerFigures> figures) {
        return switch (method) {
            case PARETO -> ParetoClassifier.classify(figures, pareto);
            case SCORECARD -> ScorecardClassifier.classify(figures, scorecard, windowMonths);
            case HARD_RULES -> HardRulesClassifier.classify(figures, hardRules);
        };
    }
}

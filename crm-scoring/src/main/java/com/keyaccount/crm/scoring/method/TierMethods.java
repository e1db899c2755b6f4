package com.keyaccount.crm.scoring.method;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.hardrules.HardRulesClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoClassifier;
import com.keyaccount.crm.scoring.scorecard.ScorecardClassifier;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierMethod;
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
        return classify(rules.method(), rules.windowMonths(), rules.pareto(), rules.scorecard(), rules.hardRules(),
                rules.measure(), figures);
    }

    public static List<TierDecision> classify(TierMethod method, int windowMonths, ParetoCutoffs pareto,
            Scorecard scorecard, HardRules hardRules, Measure measure, List<CustomerFigures> figures) {
        return switch (method) {
            case PARETO -> ParetoClassifier.classify(figures, pareto, measure);
            case SCORECARD -> ScorecardClassifier.classify(figures, scorecard, windowMonths, measure);
            case HARD_RULES -> HardRulesClassifier.classify(figures, hardRules, measure);
        };
    }
}

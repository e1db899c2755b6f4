package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.tier.TierMethod;
import java.util.Objects;

/**
 * Everything an admin edits as one rule change: which tier method is active, the parameters of
 * all three methods (so switching back keeps them), the evaluation window and the churn-warning
 * thresholds. Each part validates itself; a RuleSet that exists is publishable.
 */
public record RuleSet(TierMethod method, int windowMonths, ParetoCutoffs pareto, Scorecard scorecard,
        HardRules hardRules, ChurnThresholds churn) {

    public static final int LONGEST_WINDOW_MONTHS = 60;

    public RuleSet {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pareto, "pareto");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(hardRules, "hardRules");
        Objects.requireNonNull(churn, "churn");
        if (windowMonths < 1 || windowMonths > LONGEST_WINDOW_MONTHS) {
            throw new IllegalArgumentException("the evaluation window must be 1 to 60 months");
        }
    }
}

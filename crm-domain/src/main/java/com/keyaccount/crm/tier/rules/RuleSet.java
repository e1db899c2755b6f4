package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything an admin edits as one rule change: which tier method is active, the parameters of
 * all three methods (so switching back keeps them), the evaluation window and the churn-warning
 * thresholds. It can hold what was typed, mistakes included, so that it can say what is wrong
 * ({@link #violations()}); only a rule set without violations is saved or published.
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
    }

    /** Every part's violations, with paths from here (e.g. {@code pareto.a}). */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        Violation.range(found, "windowMonths", windowMonths, 1, LONGEST_WINDOW_MONTHS);
        pareto.violations().forEach(v -> found.add(v.under("pareto")));
        scorecard.violations().forEach(v -> found.add(v.under("scorecard")));
        hardRules.violations().forEach(v -> found.add(v.under("hardRules")));
        churn.violations().forEach(v -> found.add(v.under("churn")));
        return found;
    }
}

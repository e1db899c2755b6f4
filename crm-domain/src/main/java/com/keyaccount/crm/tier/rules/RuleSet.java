package com.keyaccount.crm.tier.rules;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything an admin edits as one rule change: which tier method is active, the parameters of
 * all four methods (so switching back keeps them), the evaluation window, the churn-warning
 * thresholds, and what customers are ranked by (the measure) and over what (the scope). It can
 * hold what was typed, mistakes included, so that it can say what is wrong ({@link #violations()});
 * only a rule set without violations is saved or published.
 *
 * @param measure            what Pareto ranks by and the scorecard's and hard rules' amounts are;
 *                           {@code null} (a draft saved before measures existed) reads as net revenue
 * @param scope              the whole book or one ranking per product line; {@code null} reads as the book
 * @param quotaProductLineId with one ranking per product line, the line whose tier visit quotas
 *                           follow; {@code null}: the customer's best line tier
 * @param ladder             the tiers' names; {@code null} (rules from before the ladder) reads as
 *                           {@link TierLadder#DEFAULT}
 * @param shares             the cuts of the bands by share of customers; {@code null} (rules from
 *                           before that method) reads as {@link CustomerShareBands#DEFAULT}
 */
public record RuleSet(TierMethod method, int windowMonths, ParetoCutoffs pareto, Scorecard scorecard,
        HardRules hardRules, ChurnThresholds churn, Measure measure, Scope scope, Long quotaProductLineId,
        TierLadder ladder, CustomerShareBands shares) {

    public static final int LONGEST_WINDOW_MONTHS = 60;

    public RuleSet {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pareto, "pareto");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(hardRules, "hardRules");
        Objects.requireNonNull(churn, "churn");
        measure = Objects.requireNonNullElse(measure, Measure.NET_REVENUE);
        scope = Objects.requireNonNullElse(scope, Scope.BOOK);
        ladder = Objects.requireNonNullElse(ladder, TierLadder.DEFAULT);
        shares = Objects.requireNonNullElse(shares, CustomerShareBands.DEFAULT);
    }

    /** Rules under the default ladder, as every rule set was before the ladder. */
    public RuleSet(TierMethod method, int windowMonths, ParetoCutoffs pareto, Scorecard scorecard,
            HardRules hardRules, ChurnThresholds churn, Measure measure, Scope scope, Long quotaProductLineId) {
        this(method, windowMonths, pareto, scorecard, hardRules, churn, measure, scope, quotaProductLineId, null, null);
    }

    /** Rules on net revenue over the whole book, as every rule set was before measures and scopes. */
    public RuleSet(TierMethod method, int windowMonths, ParetoCutoffs pareto, Scorecard scorecard,
            HardRules hardRules, ChurnThresholds churn) {
        this(method, windowMonths, pareto, scorecard, hardRules, churn, Measure.NET_REVENUE, Scope.BOOK, null, null,
                null);
    }

    /** The same rules ranking by {@code measure} over {@code scope}. */
    public RuleSet rankedBy(Measure measure, Scope scope, Long quotaProductLineId) {
        return new RuleSet(method, windowMonths, pareto, scorecard, hardRules, churn, measure, scope,
                quotaProductLineId, ladder, shares);
    }

    /** The same rules with the tiers named by {@code ladder}. */
    public RuleSet named(TierLadder ladder) {
        return new RuleSet(method, windowMonths, pareto, scorecard, hardRules, churn, measure, scope,
                quotaProductLineId, ladder, shares);
    }

    /** The same rules, classifying by {@code method} with the bands by share of customers cut at {@code shares}. */
    public RuleSet bandedBy(TierMethod method, CustomerShareBands shares) {
        return new RuleSet(method, windowMonths, pareto, scorecard, hardRules, churn, measure, scope,
                quotaProductLineId, ladder, shares);
    }

    /** How many boundaries between tiers {@code m}'s settings cut at. */
    public int boundariesOf(TierMethod m) {
        return switch (m) {
            case PARETO -> pareto.limits().size();
            case SCORECARD -> scorecard.minimums().size();
            case HARD_RULES -> hardRules.floors().size();
            case CUSTOMER_SHARE -> shares.cuts().size();
        };
    }

    private static String boundariesPath(TierMethod m) {
        return switch (m) {
            case PARETO -> "pareto.lower";
            case SCORECARD -> "scorecard.lowerMinimums";
            case HARD_RULES -> "hardRules.lower";
            case CUSTOMER_SHARE -> "shares.cuts";
        };
    }

    /**
     * Every part's violations, with paths from here (e.g. {@code pareto.a}). Whether a named
     * quota product line exists is the data's to say, not the rules'.
     */
    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        Violation.range(found, "windowMonths", windowMonths, 1, LONGEST_WINDOW_MONTHS);
        pareto.violations().forEach(v -> found.add(v.under("pareto")));
        scorecard.violations().forEach(v -> found.add(v.under("scorecard")));
        hardRules.violations().forEach(v -> found.add(v.under("hardRules")));
        churn.violations().forEach(v -> found.add(v.under("churn")));
        ladder.violations().forEach(v -> found.add(v.under("ladder")));
        shares.violations().forEach(v -> found.add(v.under("shares")));
        int cuts = boundariesOf(method);
        if (cuts != ladder.boundaries() && ladder.violations().isEmpty()) {
            // only the method in force must fit the ladder: the others' settings wait until chosen
            int top = method == TierMethod.CUSTOMER_SHARE ? 0 : 2;
            int first = cuts < ladder.boundaries() ? cuts - top : 0;
            found.add(Violation.of(boundariesPath(method) + "[" + Math.max(0, first) + "]", "ladder.boundaries",
                    ladder.size()));
        }
        if (quotaProductLineId != null && scope != Scope.PRODUCT_LINE) {
            // over the whole book there is one tier per customer: no line to follow
            found.add(Violation.of("quotaProductLineId", "quotaLine.bookScope"));
        }
        return found;
    }
}

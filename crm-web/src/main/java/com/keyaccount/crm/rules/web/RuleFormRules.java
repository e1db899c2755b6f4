package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.tier.rules.CustomerShareBands;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierLadder;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The rule set a filled-in rule form means ({@link RuleFormOf} goes the other way): percents as
 * shares, the criteria in use, and for each method as many boundaries as the ladder typed has.
 */
final class RuleFormRules {

    private RuleFormRules() {
    }

    /**
     * The rule set typed, when every value it needs is there, each criterion's name as
     * {@code stored} says it is stored. Over the whole book the quota product line means nothing,
     * and is left out rather than refused: the editor says it only counts with one tier per line.
     */
    static Optional<RuleSet> of(RuleForm f, UnaryOperator<String> stored) {
        boolean complete = Stream.of(f.getMethod(), f.getMeasure(), f.getScope(), f.getWindowMonths(),
                f.getCutoffAPercent(), f.getCutoffBPercent(), f.getMinimumForA(), f.getMinimumForB(), f.getHardOrdersA(),
                f.getHardRevenueA(), f.getHardOrdersB(), f.getHardRevenueB(), f.getRevenueDropPercent(),
                f.getDaysToPayIncrease(), f.getSilenceFactor(), f.getDowngradeWithinDays(), f.getComplaintOverdueDays(),
                f.getSatisfactionDropPoints()).allMatch(v -> v != null)
                && f.getCriteria().stream().filter(CriterionForm::inUse).allMatch(CriterionForm::isComplete);
        if (!complete) {
            return Optional.empty();
        }
        TierLadder tiers = RungForm.toLadder(f.getLadder());
        int n = tiers.size();
        LowerTiersForm lower = f.getLower();
        return Optional.of(new RuleSet(f.getMethod(), f.getWindowMonths(),
                new ParetoCutoffs(Percents.share(f.getCutoffAPercent()), Percents.share(f.getCutoffBPercent()),
                        lower.cutoffs(n)),
                new Scorecard(f.getCriteria().stream().filter(CriterionForm::inUse).map(c -> c.toCriterion(stored))
                        .toList(), f.getMinimumForA(), f.getMinimumForB(), lower.minimums(n)),
                new HardRules(f.getHardOrdersA(), f.getHardRevenueA(), f.getHardOrdersB(), f.getHardRevenueB(),
                        lower.floors(n)),
                new ChurnThresholds(f.getRevenueDropPercent(), f.getDaysToPayIncrease(), f.getSilenceFactor(),
                        f.getDowngradeWithinDays(), f.getComplaintOverdueDays(), f.getSatisfactionDropPoints()),
                f.getMeasure(), f.getScope(), f.getScope() == Scope.PRODUCT_LINE ? f.getQuotaProductLineId() : null,
                tiers,
                // the cuts of the ladder typed, down to the first blank (the rule set says if one is missing)
                new CustomerShareBands(LowerTiersForm.leading(f.getShareCutPercents(), n - 1,
                        v -> v == null ? null : Percents.share(v)))));
    }
}

package com.keyaccount.crm.rules.web;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.rules.application.RuleChange;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.RuleSet;

/** A draft's rules as the editor opens them: shares in percent, amounts as typed, blank rows to fill in. */
final class RuleFormOf {

    private RuleFormOf() {
    }

    static RuleForm of(Draft<RuleChange> draft) {
        RuleSet rules = draft.content().rules();
        RuleForm form = new RuleForm();
        form.setDraftVersion(draft.version());
        form.setMethod(rules.method());
        form.setWindowMonths(rules.windowMonths());
        form.setMeasure(rules.measure());
        form.setScope(rules.scope());
        form.setQuotaProductLineId(rules.quotaProductLineId());
        form.setCutoffAPercent(Percents.of(rules.pareto().a()));
        form.setCutoffBPercent(Percents.of(rules.pareto().b()));
        rules.scorecard().criteria().forEach(c -> form.getCriteria().add(CriterionForm.of(c)));
        form.setLadder(RungForm.of(rules.ladder()));
        form.setShareCutPercents(Percents.of(rules.shares().cuts()));
        form.setLower(LowerTiersForm.of(rules));
        form.setMinimumForA(rules.scorecard().minimumForA());
        form.setMinimumForB(rules.scorecard().minimumForB());
        HardRules hard = rules.hardRules();
        form.setHardOrdersA(hard.ordersForA());
        form.setHardRevenueA(Percents.plain(hard.revenueForA()));
        form.setHardOrdersB(hard.ordersForB());
        form.setHardRevenueB(Percents.plain(hard.revenueForB()));
        ChurnThresholds churn = rules.churn();
        form.setRevenueDropPercent(churn.revenueDropPercent());
        form.setDaysToPayIncrease(churn.daysToPayIncrease());
        form.setSilenceFactor(churn.silenceFactor());
        form.setDowngradeWithinDays(churn.downgradeWithinDays());
        form.setComplaintOverdueDays(churn.complaintOverdueDays());
        form.setSatisfactionDropPoints(churn.satisfactionDropPoints());
        form.setEffectiveFrom(draft.content().effectiveFrom());
        form.setNote(draft.note());
        return form.padded();
    }
}

package com.keyaccount.crm.rules.application;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierLadder;
import java.math.BigDecimal;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * A rule set as the audit log shows it, one readable value per part, so that "old → new" in
 * the log says what changed without decoding JSON. (The drafts themselves are stored as the
 * rule set's JSON; one saved before measures and scopes existed reads as net revenue over the
 * whole book.)
 */
public record RuleSetText(String method, String windowMonths, String paretoCutoffs, String scorecard, String hardRules,
        String churnThresholds, String measure, String scope, String quotaProductLine, String tierNames,
        String shareCuts) {

    /** The quota product line's value when visit quotas follow the best line tier (no line named). */
    public static final String BEST_LINE_TIER = "best line tier";

    /** With quota product lines named by their id. */
    public static RuleSetText of(RuleSet rules) {
        return of(rules, id -> "#" + id);
    }

    /** @param lineCode the code of a product line, by id */
    public static RuleSetText of(RuleSet rules, LongFunction<String> lineCode) {
        return new RuleSetText(rules.method().name(), Integer.toString(rules.windowMonths()), pareto(rules.pareto()),
                scorecard(rules.scorecard()), hard(rules.hardRules()), churn(rules.churn()), rules.measure().name(),
                rules.scope().name(), rules.quotaProductLineId() == null ? BEST_LINE_TIER
                        : lineCode.apply(rules.quotaProductLineId()), names(rules.ladder()),
                rules.shares().cuts().stream().map(RuleSetText::percent).collect(Collectors.joining(", ")));
    }

    /** Each tier's code with its Chinese and English names: {@code A 重要客户 / Key; B …}. */
    private static String names(TierLadder ladder) {
        return ladder.rungs().stream().map(r -> r.code() + " " + r.nameZh() + " / " + r.nameEn())
                .collect(Collectors.joining("; "));
    }

    private static String pareto(ParetoCutoffs cutoffs) {
        return "A < " + percent(cutoffs.a()) + ", B < " + percent(cutoffs.b());
    }

    private static String scorecard(Scorecard scorecard) {
        return scorecard.criteria().stream().map(RuleSetText::criterion).collect(Collectors.joining("; "))
                + "; A >= " + scorecard.minimumForA() + ", B >= " + scorecard.minimumForB();
    }

    private static String criterion(Criterion c) {
        String sign = c.higherIsBetter() ? ">=" : "<=";
        return c.name() + " (" + c.metric() + "): " + c.bands().stream()
                .map(b -> sign + plain(b.threshold()) + " -> " + b.points()).collect(Collectors.joining(", "))
                + ", else " + c.otherwisePoints() + ", no data " + c.pointsWithoutData();
    }

    private static String hard(HardRules h) {
        return "A: > " + h.ordersForA() + " orders and > " + plain(h.revenueForA()) + "; B: > " + h.ordersForB()
                + " orders and > " + plain(h.revenueForB());
    }

    private static String churn(ChurnThresholds t) {
        return "revenue -" + t.revenueDropPercent() + "%, days to pay +" + t.daysToPayIncrease() + ", silence x"
                + t.silenceFactor() + ", downgrade within " + t.downgradeWithinDays() + " days, open complaint overdue >= "
                + t.complaintOverdueDays() + " days, satisfaction -" + t.satisfactionDropPoints() + " points";
    }

    private static String percent(BigDecimal share) {
        return plain(share.movePointRight(2)) + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

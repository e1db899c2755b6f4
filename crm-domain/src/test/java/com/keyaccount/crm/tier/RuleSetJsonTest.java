package com.keyaccount.crm.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierMethod;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Drafts are stored as their rule set's JSON: one saved before measures and scopes existed still opens. */
class RuleSetJsonTest {

    /** A draft as the version before issue 15 stored it: no measure, scope or quota product line. */
    private static final String SAVED_BEFORE = """
            {"method":"SCORECARD","windowMonths":6,"pareto":{"a":0.7,"b":0.9},
             "scorecard":{"criteria":[{"name":"sales","metric":"MONTHLY_AVERAGE_SALES","higherIsBetter":true,
               "bands":[{"threshold":20000,"points":70},{"threshold":5000,"points":40}],
               "otherwisePoints":30,"pointsWithoutData":30}],"minimumForA":70,"minimumForB":40},
             "hardRules":{"ordersForA":5,"revenueForA":100000,"ordersForB":3,"revenueForB":10000},
             "churn":{"revenueDropPercent":40,"daysToPayIncrease":15,"silenceFactor":2,"downgradeWithinDays":90}}""";

    private final RuleSetJson json = new RuleSetJson();

    @Test
    void a_draft_saved_before_measures_reads_as_net_revenue_over_the_whole_book() {
        RuleSet rules = json.convertToEntityAttribute(SAVED_BEFORE);

        assertThat(rules.measure()).isEqualTo(Measure.NET_REVENUE);
        assertThat(rules.scope()).isEqualTo(Scope.BOOK);
        assertThat(rules.quotaProductLineId()).isNull();
        assertThat(rules.method()).isEqualTo(TierMethod.SCORECARD);
        assertThat(rules.windowMonths()).isEqualTo(6);
        assertThat(rules.scorecard().criteria().get(0).bands().get(1).threshold()).isEqualByComparingTo("5000");
        assertThat(rules.churn().revenueDropPercent()).isEqualTo(40);
        assertThat(rules.violations()).isEmpty();
    }

    @Test
    void a_measure_a_scope_and_a_quota_line_come_back_as_saved() {
        RuleSet saved = new RuleSet(TierMethod.PARETO, 12, new ParetoCutoffs(new BigDecimal("0.8"),
                new BigDecimal("0.95")), Scorecard.DEFAULT, HardRules.DEFAULT, ChurnThresholds.DEFAULT,
                Measure.GROSS_MARGIN, Scope.PRODUCT_LINE, 42L);

        assertThat(json.convertToEntityAttribute(json.convertToDatabaseColumn(saved))).isEqualTo(saved);
    }
}

package com.keyaccount.crm.scoring.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.method.QuotaTierExplanation.Basis;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierMethod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One ranking per product line (seed 003). Line 10 (appliances): #1 sold 50,000, #2 10,000.
 * Line 20 (building materials): #3 99,000, #1 1,000. #4 sold nothing on any line.
 * Pareto 80/95 per line: line 10 total 60,000, #1 before 0 → A, #2 before 50/60 = .833 → B;
 * line 20 total 100,000, #3 before 0 → A, #1 before .99 → C.
 */
class PerLineTiersTest {

    private static final Map<Long, List<CustomerFigures>> BY_LINE = Map.of(
            10L, List.of(sold(1, "50000"), sold(2, "10000")),
            20L, List.of(sold(3, "99000"), sold(1, "1000")));
    private static final List<Long> CUSTOMERS = List.of(1L, 2L, 3L, 4L);

    @Test
    void a_customer_can_be_a_on_one_line_and_c_on_another_and_quotas_follow_its_best() {
        PerLineTiers tiers = new PerLineTiers(rules(null));
        List<TierDecision> appliances = tiers.rank(10L, BY_LINE.get(10L));
        List<TierDecision> materials = tiers.rank(20L, BY_LINE.get(20L));

        assertThat(tiers(appliances)).containsExactlyInAnyOrderEntriesOf(Map.of(1L, Tier.A, 2L, Tier.B));
        assertThat(tiers(materials)).containsExactlyInAnyOrderEntriesOf(Map.of(3L, Tier.A, 1L, Tier.C));
        Map<Long, TierDecision> quota = byCustomer(tiers.quotaTiers(CUSTOMERS));
        assertThat(quota.get(1L).tier()).isEqualTo(Tier.A);
        assertThat(quota.get(1L).explanation()).isEqualTo(new QuotaTierExplanation(Basis.BEST_LINE, 10L));
        assertThat(quota.get(2L).tier()).isEqualTo(Tier.B);
        assertThat(quota.get(3L).tier()).isEqualTo(Tier.A);
        assertThat(quota.get(4L).tier()).isEqualTo(Tier.C);
        assertThat(quota.get(4L).explanation()).isEqualTo(new QuotaTierExplanation(Basis.NO_LINE_SALES, null));
    }

    @Test
    void with_a_named_line_quotas_follow_the_tier_there_and_no_sales_there_is_c() {
        PerLineTiers tiers = new PerLineTiers(rules(20L));
        tiers.rank(10L, BY_LINE.get(10L));
        tiers.rank(20L, BY_LINE.get(20L));
        Map<Long, TierDecision> quota = byCustomer(tiers.quotaTiers(CUSTOMERS));

        assertThat(quota.get(1L).tier()).isEqualTo(Tier.C);
        assertThat(quota.get(1L).explanation()).isEqualTo(new QuotaTierExplanation(Basis.NAMED_LINE, 20L));
        assertThat(quota.get(2L).tier()).isEqualTo(Tier.C);
        assertThat(quota.get(2L).explanation()).isEqualTo(new QuotaTierExplanation(Basis.NO_NAMED_LINE_SALES, 20L));
        assertThat(quota.get(3L).tier()).isEqualTo(Tier.A);
        assertThat(quota.get(4L).explanation()).isEqualTo(new QuotaTierExplanation(Basis.NO_NAMED_LINE_SALES, 20L));
    }

    private static RuleSet rules(Long quotaLine) {
        return new RuleSet(TierMethod.PARETO, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT, HardRules.DEFAULT,
                ChurnThresholds.DEFAULT, Measure.NET_REVENUE, Scope.PRODUCT_LINE, quotaLine);
    }

    private static CustomerFigures sold(long customer, String revenue) {
        return new CustomerFigures(customer, new BigDecimal(revenue), 1, null);
    }

    private static Map<Long, TierDecision> byCustomer(List<TierDecision> decisions) {
        return decisions.stream().collect(Collectors.toMap(TierDecision::customerId, Function.identity()));
    }

    private static Map<Long, Tier> tiers(List<TierDecision> decisions) {
        return decisions.stream().collect(Collectors.toMap(TierDecision::customerId, TierDecision::tier));
    }
}

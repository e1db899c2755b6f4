package com.keyaccount.crm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.scoring.hardrules.HardRuleExplanation;
import com.keyaccount.crm.scoring.hardrules.HardRulesClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoClassifier;
import com.keyaccount.crm.scoring.pareto.ParetoExplanation;
import com.keyaccount.crm.scoring.scorecard.ScorecardClassifier;
import com.keyaccount.crm.scoring.scorecard.ScorecardExplanation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.Metric;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.PointBand;
import com.keyaccount.crm.tier.rules.Scorecard;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What customers are ranked by (issue 15): net revenue, where a net of zero or less counts as
 * zero and the explanation says so, or gross margin, which can order customers quite otherwise.
 */
class MeasureTest {

    /**
     * Revenue vs margin, in thousands: #1 sold 100 at a margin of 5, #2 60 at 30, #3 40 at 15, #4
     * 20 without margins sent.
     */
    private static final List<CustomerFigures> BOOK = List.of(
            figures(1, "100000", "5000"), figures(2, "60000", "30000"), figures(3, "40000", "15000"),
            figures(4, "20000", null));

    @Test
    void by_net_revenue_a_net_of_zero_or_less_ranks_as_zero_and_says_so() {
        // #1 sold 10,000; #2 sold 800 and got 2,000 back (net -1,200); #3 sold 5,000 and got all of it
        // back (net 0); #4 bought nothing. Total ranked: 10,000, so #1 is A and the others C.
        List<CustomerFigures> book = List.of(
                new CustomerFigures(1, new BigDecimal("10000"), 2, null),
                new CustomerFigures(2, new BigDecimal("-1200"), 1, null),
                new CustomerFigures(3, BigDecimal.ZERO, 1, null),
                new CustomerFigures(4, BigDecimal.ZERO, 0, null));
        Map<Long, TierDecision> decided = byCustomer(ParetoClassifier.classify(book, ParetoCutoffs.DEFAULT,
                Measure.NET_REVENUE));

        assertThat(decided.get(1L).tier()).isEqualTo(Tier.A);
        assertThat(decided.get(2L).tier()).isEqualTo(Tier.C);
        assertThat(decided.get(3L).tier()).isEqualTo(Tier.C);
        ParetoExplanation returned = (ParetoExplanation) decided.get(2L).explanation();
        assertThat(returned.measured()).isEqualTo(new Measured(Measure.NET_REVENUE, new BigDecimal("-1200"), true));
        // ranked as zero: behind #1, tied with the zeros by id, all of the total before it
        assertThat(returned.rank()).isEqualTo(2);
        assertThat(returned.shareBefore()).isEqualByComparingTo("1");
        assertThat(((ParetoExplanation) decided.get(3L).explanation()).measured().countedAsZero()).isTrue();
        // nothing bought is plain zero, nothing to explain
        assertThat(((ParetoExplanation) decided.get(4L).explanation()).measured().countedAsZero()).isFalse();
        assertThat(((ParetoExplanation) decided.get(1L).explanation()).measured().countedAsZero()).isFalse();
    }

    @Test
    void by_gross_margin_the_thin_margin_giant_falls_behind() {
        // net revenue, total 220k: before-shares #1 0, #2 100/220 = .455, #3 160/220 = .727, #4 200/220 = .909
        assertThat(tiers(ParetoClassifier.classify(BOOK, ParetoCutoffs.DEFAULT, Measure.NET_REVENUE)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(1L, Tier.A, 2L, Tier.A, 3L, Tier.A, 4L, Tier.B));
        // margin, total 50k: #2 30k before 0, #3 15k before 30/50 = .6, #1 5k before 45/50 = .9, #4 none: C
        List<TierDecision> byMargin = ParetoClassifier.classify(BOOK, ParetoCutoffs.DEFAULT, Measure.GROSS_MARGIN);
        assertThat(byMargin).extracting(TierDecision::customerId).containsExactly(2L, 3L, 1L, 4L);
        assertThat(tiers(byMargin))
                .containsExactlyInAnyOrderEntriesOf(Map.of(2L, Tier.A, 3L, Tier.A, 1L, Tier.B, 4L, Tier.C));
        ParetoExplanation giant = (ParetoExplanation) byCustomer(byMargin).get(1L).explanation();
        assertThat(giant.shareBefore()).isEqualByComparingTo("0.9");
        assertThat(giant.measured()).isEqualTo(new Measured(Measure.GROSS_MARGIN, new BigDecimal("5000"), false));
        // lines without margins count as zero: traded, so the explanation says it
        assertThat(((ParetoExplanation) byCustomer(byMargin).get(4L).explanation()).measured().countedAsZero())
                .isTrue();
    }

    @Test
    void hard_rule_amounts_and_scorecard_sales_criteria_use_the_measure() {
        // floors: A > 1 order and > 20,000; B > 1 order and > 10,000. Every customer has 3 orders.
        HardRules floors = new HardRules(1, new BigDecimal("20000"), 1, new BigDecimal("10000"));
        assertThat(tiers(HardRulesClassifier.classify(BOOK, floors, Measure.GROSS_MARGIN)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(1L, Tier.C, 2L, Tier.A, 3L, Tier.B, 4L, Tier.C));
        assertThat(byCustomer(HardRulesClassifier.classify(BOOK, floors, Measure.GROSS_MARGIN)).get(3L).explanation())
                .isEqualTo(new HardRuleExplanation(3, new Measured(Measure.GROSS_MARGIN, new BigDecimal("15000"),
                        false)));
        assertThat(tiers(HardRulesClassifier.classify(BOOK, floors, Measure.NET_REVENUE)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(1L, Tier.A, 2L, Tier.A, 3L, Tier.A, 4L, Tier.B));

        // one criterion on the window's amount: >= 20,000 → 100 points, else 0; A >= 100, B >= 50
        Scorecard amount = new Scorecard(List.of(new Criterion("amount", Metric.REVENUE, true,
                List.of(new PointBand(new BigDecimal("20000"), 100)), 0, 0)), 100, 50);
        List<TierDecision> scored = ScorecardClassifier.classify(BOOK, amount, 12, Measure.GROSS_MARGIN);
        assertThat(tiers(scored))
                .containsExactlyInAnyOrderEntriesOf(Map.of(1L, Tier.C, 2L, Tier.A, 3L, Tier.C, 4L, Tier.C));
        assertThat(((ScorecardExplanation) byCustomer(scored).get(2L).explanation()).parts().get(0).value())
                .isEqualTo(30000.0);
    }

    @Test
    void a_negative_margin_counts_as_zero_too() {
        CustomerFigures loss = figures(7, "50000", "-3000");
        assertThat(loss.measured(Measure.GROSS_MARGIN)).isEqualByComparingTo("0");
        assertThat(loss.countedAsZero(Measure.GROSS_MARGIN)).isTrue();
        assertThat(loss.measured(Measure.NET_REVENUE)).isEqualByComparingTo("50000");
        assertThat(loss.countedAsZero(Measure.NET_REVENUE)).isFalse();
    }

    private static CustomerFigures figures(long id, String revenue, String margin) {
        return new CustomerFigures(id, new BigDecimal(revenue), margin == null ? null : new BigDecimal(margin), 3,
                null);
    }

    private static Map<Long, TierDecision> byCustomer(List<TierDecision> decisions) {
        return decisions.stream().collect(Collectors.toMap(TierDecision::customerId, Function.identity()));
    }

    private static Map<Long, Tier> tiers(List<TierDecision> decisions) {
        return decisions.stream().collect(Collectors.toMap(TierDecision::customerId, TierDecision::tier));
    }
}

package com.keyaccount.crm.scoring.method;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.CustomerShareBands;
import com.keyaccount.crm.tier.rules.HardRules;
import com.keyaccount.crm.tier.rules.Metric;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.PointBand;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scorecard;
import com.keyaccount.crm.tier.rules.TierLadder;
import com.keyaccount.crm.tier.rules.TierMethod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every method on a ladder of four and five tiers: seed 002's four classes by share of customers,
 * and Pareto's, the scorecard's and the hard rules' extra boundaries; the bottom is the ladder's.
 */
class LongerLadderClassificationTest {

    private static final TierLadder FOUR = TierLadder.named(List.of("重要客户", "主要客户", "普通客户", "小客户"),
            List.of("Key", "Major", "Regular", "Small"));
    private static final TierLadder FIVE = TierLadder.named(List.of("甲", "乙", "丙", "丁", "戊"),
            List.of("A", "B", "C", "D", "E"));
    private static final RuleSet BASE = new RuleSet(TierMethod.PARETO, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
            HardRules.DEFAULT, ChurnThresholds.DEFAULT);

    @Test
    void seed_002s_four_classes_are_the_top_20_next_30_next_30_and_last_20_percent_of_customers() {
        RuleSet rules = shares(FOUR, "0.2", "0.5", "0.8");
        Map<Long, Tier> tiers = tiers(rules, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10);
        assertThat(counts(tiers)).isEqualTo(Map.of(Tier.A, 2L, Tier.B, 3L, Tier.C, 3L, Tier.D, 2L));
        // exactly 80% of the customers above: the 9th is in the bottom band
        assertThat(tiers).containsEntry(8L, Tier.C).containsEntry(9L, Tier.D);
        // no sales is the ladder's bottom tier, not the fifth code
        assertThat(tiers(rules, 100, 0, 0)).containsEntry(2L, Tier.D).containsEntry(3L, Tier.D);
        assertThat(tiers(rules, 0, 0).values()).containsOnly(Tier.D);
        assertThat(tiers(rules, 7)).containsEntry(1L, Tier.A);
    }

    @Test
    void five_bands_of_a_fifth_each_and_ties_keep_together_across_a_cut() {
        RuleSet rules = shares(FIVE, "0.2", "0.4", "0.6", "0.8");
        assertThat(counts(tiers(rules, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10)))
                .isEqualTo(Map.of(Tier.A, 2L, Tier.B, 2L, Tier.C, 2L, Tier.D, 2L, Tier.E, 2L));
        // the 8th to 10th equal: 7 above each of them, below 8 = 80% of 10
        Map<Long, Tier> tied = tiers(rules, 100, 90, 80, 70, 60, 50, 40, 30, 30, 30);
        assertThat(tied).containsEntry(8L, Tier.D).containsEntry(9L, Tier.D).containsEntry(10L, Tier.D);
    }

    @Test
    void pareto_cuts_the_revenue_before_each_customer_once_more_per_tier() {
        RuleSet pareto = new RuleSet(TierMethod.PARETO, 12, new ParetoCutoffs(share("0.5"), share("0.8"),
                List.of(share("0.95"))), Scorecard.DEFAULT, HardRules.DEFAULT, ChurnThresholds.DEFAULT).named(FOUR);
        // before: 0, 50 (exactly the first cut: B), 80 (exactly the second: C), 95 (D), and no sales D
        Map<Long, Tier> tiers = tiers(pareto, 50, 30, 15, 5, 0);
        assertThat(tiers).containsEntry(1L, Tier.A).containsEntry(2L, Tier.B).containsEntry(3L, Tier.C)
                .containsEntry(4L, Tier.D).containsEntry(5L, Tier.D);
    }

    @Test
    void hard_rules_give_the_first_tier_whose_floors_are_cleared() {
        RuleSet hard = new RuleSet(TierMethod.HARD_RULES, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
                HardRules.DEFAULT.withLower(List.of(new HardRules.Floor(1, new BigDecimal("1000")))),
                ChurnThresholds.DEFAULT).named(FOUR);
        List<CustomerFigures> book = List.of(
                new CustomerFigures(1, new BigDecimal("200000"), BigDecimal.ZERO, 6, null),
                new CustomerFigures(2, new BigDecimal("20000"), BigDecimal.ZERO, 4, null),
                new CustomerFigures(3, new BigDecimal("5000"), BigDecimal.ZERO, 2, null),
                // one order is not more than one: the bottom tier
                new CustomerFigures(4, new BigDecimal("5000"), BigDecimal.ZERO, 1, null),
                new CustomerFigures(5, new BigDecimal("1000"), BigDecimal.ZERO, 9, null));
        assertThat(tiers(hard, book)).isEqualTo(Map.of(1L, Tier.A, 2L, Tier.B, 3L, Tier.C, 4L, Tier.D, 5L, Tier.D));
    }

    @Test
    void the_scorecard_gives_the_first_tier_whose_minimum_is_reached() {
        // points are the order count's band: 10+ orders 90, 5+ 70, 2+ 45, 1+ 30, else 0
        Scorecard card = new Scorecard(List.of(new Criterion("orders", Metric.ORDER_COUNT, true, List.of(
                new PointBand(new BigDecimal("10"), 90), new PointBand(new BigDecimal("5"), 70),
                new PointBand(new BigDecimal("2"), 45), new PointBand(new BigDecimal("1"), 30)), 0, 0)),
                80, 60, List.of(40, 20));
        RuleSet scored = new RuleSet(TierMethod.SCORECARD, 12, ParetoCutoffs.DEFAULT, card, HardRules.DEFAULT,
                ChurnThresholds.DEFAULT).named(FIVE);
        List<CustomerFigures> book = new ArrayList<>();
        long[] orders = {10, 5, 2, 1, 0};
        for (int i = 0; i < orders.length; i++) {
            book.add(new CustomerFigures(i + 1, new BigDecimal("100"), BigDecimal.ZERO, orders[i], null));
        }
        assertThat(tiers(scored, book)).isEqualTo(Map.of(1L, Tier.A, 2L, Tier.B, 3L, Tier.C, 4L, Tier.D, 5L, Tier.E));
    }

    @Test
    void an_empty_book_has_no_tiers_whatever_the_method_and_ladder() {
        RuleSet five = new RuleSet(TierMethod.PARETO, 12, new ParetoCutoffs(share("0.5"), share("0.8"),
                List.of(share("0.95"), share("0.99"))), Scorecard.DEFAULT, HardRules.DEFAULT, ChurnThresholds.DEFAULT)
                .named(FIVE);
        assertThat(TierMethods.classify(five, List.of())).isEmpty();
        assertThat(TierMethods.classify(shares(FOUR, "0.2", "0.5", "0.8"), List.of())).isEmpty();
        // and a book where nobody bought anything is all in the bottom tier
        assertThat(tiers(five, 0, 0, 0).values()).containsOnly(Tier.E);
    }

    private static RuleSet shares(TierLadder ladder, String... cuts) {
        return BASE.bandedBy(TierMethod.CUSTOMER_SHARE,
                new CustomerShareBands(List.of(cuts).stream().map(BigDecimal::new).toList())).named(ladder);
    }

    private static Map<Long, Tier> tiers(RuleSet rules, long... revenues) {
        List<CustomerFigures> book = new ArrayList<>();
        for (int i = 0; i < revenues.length; i++) {
            book.add(CustomerFigures.revenueOnly(i + 1, BigDecimal.valueOf(revenues[i])));
        }
        return tiers(rules, book);
    }

    private static Map<Long, Tier> tiers(RuleSet rules, List<CustomerFigures> book) {
        assertThat(rules.violations()).isEmpty();
        return TierMethods.classify(rules, book).stream()
                .collect(Collectors.toMap(TierDecision::customerId, TierDecision::tier));
    }

    private static Map<Tier, Long> counts(Map<Long, Tier> tiers) {
        return tiers.values().stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }

    private static BigDecimal share(String value) {
        return new BigDecimal(value);
    }
}

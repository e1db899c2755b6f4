package com.keyaccount.crm.tier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.rules.TierMethod;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of a rule set can fail, and says where and why, with paths from the rule set down. */
class RuleSetViolationsTest {

    private static final RuleSet SEED = new RuleSet(TierMethod.PARETO, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
            HardRules.DEFAULT, ChurnThresholds.DEFAULT);

    @Test
    void the_seed_rules_have_none() {
        assertThat(SEED.violations()).isEmpty();
    }

    @Test
    void a_quota_product_line_only_goes_with_one_ranking_per_product_line() {
        assertThat(SEED.rankedBy(Measure.GROSS_MARGIN, Scope.BOOK, 7L).violations())
                .containsExactly(Violation.of("quotaProductLineId", "quotaLine.bookScope"));
        assertThat(SEED.rankedBy(Measure.GROSS_MARGIN, Scope.PRODUCT_LINE, 7L).violations()).isEmpty();
        assertThat(SEED.rankedBy(Measure.NET_REVENUE, Scope.PRODUCT_LINE, null).violations()).isEmpty();
    }

    @Test
    void the_window_is_one_to_sixty_months() {
        assertThat(window(0)).containsExactly(Violation.of("windowMonths", Violation.MIN, 1, 60));
        assertThat(window(61)).containsExactly(Violation.of("windowMonths", Violation.MAX, 1, 60));
        assertThat(window(1)).isEmpty();
        assertThat(window(60)).isEmpty();
    }

    @Test
    void cutoff_a_is_above_zero_and_below_cutoff_b_which_is_at_most_one() {
        assertThat(pareto("0.95", "0.80")).containsExactly(Violation.of("pareto.a", "cutoffs.order"));
        assertThat(pareto("0.80", "0.80")).containsExactly(Violation.of("pareto.a", "cutoffs.order"));
        assertThat(pareto("0", "0.9")).containsExactly(Violation.of("pareto.a", Violation.MIN, 0, 1));
        assertThat(pareto("1", "1")).containsExactly(Violation.of("pareto.a", Violation.MAX, 0, 1),
                Violation.of("pareto.a", "cutoffs.order"));
        assertThat(pareto("0.8", "1.01")).containsExactly(Violation.of("pareto.b", Violation.MAX, 0, 1));
        assertThat(pareto("0.8", "0")).containsExactly(Violation.of("pareto.b", Violation.MIN, 0, 1),
                Violation.of("pareto.a", "cutoffs.order"));
        assertThat(pareto("0.8", "1")).isEmpty();
    }

    @Test
    void b_needs_fewer_points_than_a_and_both_are_in_range() {
        assertThat(scorecard(List.of(sales(true, 70, 50)), 80, 80))
                .containsExactly(Violation.of("scorecard.minimumForB", "bands.tierOrder"));
        assertThat(scorecard(List.of(sales(true, 70, 50)), 10_001, -1)).containsExactly(
                Violation.of("scorecard.minimumForA", Violation.MAX, 0, 10_000),
                Violation.of("scorecard.minimumForB", Violation.MIN, 0, 10_000));
    }

    @Test
    void a_scorecard_needs_a_criterion_and_unique_names() {
        assertThat(scorecard(List.of(), 80, 60)).containsExactly(Violation.of("scorecard.criteria", "criteria.none"));
        assertThat(scorecard(List.of(sales(true, 70, 50), sales(true, 70, 50)), 80, 60))
                .containsExactly(Violation.of("scorecard.criteria[1].name", "criterion.duplicate"));
    }

    @Test
    void bands_run_from_best_to_worst_in_the_criterions_direction() {
        Criterion higher = new Criterion("sales", Metric.REVENUE, true, List.of(band("10000", 50), band("20000", 70)),
                0, 0);
        assertThat(higher.violations()).containsExactly(Violation.of("bands[1].threshold", "bands.descending"));
        Criterion lower = new Criterion("pay", Metric.AVERAGE_DAYS_TO_PAY, false,
                List.of(band("45", 20), band("45", 10)), 0, 0);
        assertThat(lower.violations()).containsExactly(Violation.of("bands[1].threshold", "bands.ascending"));
        assertThat(new Criterion("pay", Metric.AVERAGE_DAYS_TO_PAY, false, List.of(band("30", 30), band("45", 20)),
                0, 0).violations()).isEmpty();
    }

    @Test
    void a_criterion_has_a_name_a_band_and_points_in_range() {
        assertThat(new Criterion(" ", Metric.REVENUE, true, List.of(), -1, 1001).violations()).containsExactly(
                Violation.of("name", "criterion.unnamed"), Violation.of("bands", "bands.none"),
                Violation.of("otherwisePoints", Violation.MIN, 0, 1000),
                Violation.of("pointsWithoutData", Violation.MAX, 0, 1000));
        assertThat(scorecard(List.of(new Criterion("sales", Metric.REVENUE, true,
                List.of(band("-1", 1001)), 0, 0)), 80, 60)).containsExactly(
                Violation.of("scorecard.criteria[0].bands[0].threshold", Violation.MIN, BigDecimal.ZERO),
                Violation.of("scorecard.criteria[0].bands[0].points", Violation.MAX, 0, 1000));
    }

    @Test
    void the_b_floors_are_not_above_the_a_floors_and_none_is_negative() {
        assertThat(hard(3, "10000", 5, "100000")).containsExactly(
                Violation.of("hardRules.ordersForB", "hard.orders"), Violation.of("hardRules.revenueForB", "hard.revenue"));
        assertThat(hard(1_000_001, "-1", -1, "-2")).containsExactly(
                Violation.of("hardRules.ordersForA", Violation.MAX, 0, 1_000_000),
                Violation.of("hardRules.revenueForA", Violation.MIN, BigDecimal.ZERO),
                Violation.of("hardRules.ordersForB", Violation.MIN, 0, 1_000_000),
                Violation.of("hardRules.revenueForB", Violation.MIN, BigDecimal.ZERO));
        assertThat(hard(5, "100000", 5, "100000")).as("equal floors").isEmpty();
    }

    @Test
    void churn_thresholds_are_in_range() {
        assertThat(churn(new ChurnThresholds(0, 366, 21, 731))).containsExactly(
                Violation.of("churn.revenueDropPercent", Violation.MIN, 1, 100),
                Violation.of("churn.daysToPayIncrease", Violation.MAX, 1, 365),
                Violation.of("churn.silenceFactor", Violation.MAX, 1, 20),
                Violation.of("churn.downgradeWithinDays", Violation.MAX, 1, 730));
        assertThat(churn(new ChurnThresholds(100, 1, 1, 1))).isEmpty();
    }

    @Test
    void code_that_computes_with_rules_refuses_any_violation() {
        assertThatThrownBy(() -> Violation.requireNone(window(0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("windowMonths");
    }

    private static List<Violation> window(int months) {
        return new RuleSet(TierMethod.PARETO, months, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT, HardRules.DEFAULT,
                ChurnThresholds.DEFAULT).violations();
    }

    private static List<Violation> pareto(String a, String b) {
        return new RuleSet(TierMethod.PARETO, 12, new ParetoCutoffs(new BigDecimal(a), new BigDecimal(b)),
                Scorecard.DEFAULT, HardRules.DEFAULT, ChurnThresholds.DEFAULT).violations();
    }

    private static List<Violation> scorecard(List<Criterion> criteria, int minimumForA, int minimumForB) {
        return new RuleSet(TierMethod.SCORECARD, 12, ParetoCutoffs.DEFAULT,
                new Scorecard(criteria, minimumForA, minimumForB), HardRules.DEFAULT, ChurnThresholds.DEFAULT)
                .violations();
    }

    private static List<Violation> hard(long ordersA, String revenueA, long ordersB, String revenueB) {
        return new RuleSet(TierMethod.HARD_RULES, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
                new HardRules(ordersA, new BigDecimal(revenueA), ordersB, new BigDecimal(revenueB)),
                ChurnThresholds.DEFAULT).violations();
    }

    private static List<Violation> churn(ChurnThresholds thresholds) {
        return new RuleSet(TierMethod.PARETO, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT, HardRules.DEFAULT,
                thresholds).violations();
    }

    private static Criterion sales(boolean higherIsBetter, int first, int second) {
        return new Criterion("sales", Metric.MONTHLY_AVERAGE_SALES, higherIsBetter,
                List.of(band("20000", first), band("10000", second)), 0, 0);
    }

    private static PointBand band(String threshold, int points) {
        return new PointBand(new BigDecimal(threshold), points);
    }
}

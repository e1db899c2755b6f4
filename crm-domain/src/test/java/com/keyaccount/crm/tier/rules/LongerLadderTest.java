package com.keyaccount.crm.tier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Ladders of four and five tiers: each method cuts once per boundary, and says where one is missing. */
class LongerLadderTest {

    private static final TierLadder FOUR = TierLadder.named(List.of("重要客户", "主要客户", "普通客户", "小客户"),
            List.of("Key", "Major", "Regular", "Small"));
    private static final TierLadder FIVE = TierLadder.named(List.of("甲", "乙", "丙", "丁", "戊"),
            List.of("A", "B", "C", "D", "E"));
    private static final RuleSet SEED = new RuleSet(TierMethod.PARETO, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
            HardRules.DEFAULT, ChurnThresholds.DEFAULT);

    @Test
    void three_to_five_tiers_are_a_ladder() {
        assertThat(FOUR.violations()).isEmpty();
        assertThat(FIVE.violations()).isEmpty();
        assertThat(FOUR.boundaries()).isEqualTo(3);
        // a tier below the ladder (history from a longer one) is still named
        assertThat(TierLadder.DEFAULT.rung("D").name(Locale.CHINA)).isEqualTo("D 类");
    }

    @Test
    void pareto_needs_a_cut_per_boundary_each_above_the_one_before() {
        RuleSet four = SEED.named(FOUR);
        assertThat(four.violations()).containsExactly(Violation.of("pareto.lower[0]", "ladder.boundaries", 4));
        RuleSet cut = new RuleSet(TierMethod.PARETO, 12, ParetoCutoffs.DEFAULT.withLower(List.of(share("0.99"))),
                Scorecard.DEFAULT, HardRules.DEFAULT, ChurnThresholds.DEFAULT).named(FOUR);
        assertThat(cut.violations()).isEmpty();
        assertThat(new ParetoCutoffs(share("0.8"), share("0.95"), List.of(share("0.95"))).violations())
                .containsExactly(Violation.of("lower[0]", "cutoffs.order"));
        assertThat(new ParetoCutoffs(share("0.8"), share("0.9"), List.of(share("0.95"), share("1.01"))).violations())
                .containsExactly(Violation.of("lower[1]", Violation.MAX, 0, 1));
        // five tiers: the second lower cut is the one missing
        assertThat(cut.named(FIVE).violations()).containsExactly(Violation.of("pareto.lower[1]", "ladder.boundaries", 5));
    }

    @Test
    void only_the_method_in_force_must_fit_the_ladder() {
        RuleSet share = SEED.bandedBy(TierMethod.CUSTOMER_SHARE, new CustomerShareBands(List.of(share("0.2"),
                share("0.5"), share("0.8")))).named(FOUR);
        assertThat(share.violations()).as("Pareto, the scorecard and the hard rules wait until chosen").isEmpty();
    }

    @Test
    void scorecard_minimums_fall_tier_by_tier() {
        Scorecard card = Scorecard.DEFAULT.withLowerMinimums(List.of(40, 40));
        assertThat(card.violations()).containsExactly(Violation.of("lowerMinimums[1]", "bands.tierOrder"));
        assertThat(Scorecard.DEFAULT.withLowerMinimums(List.of(60)).violations())
                .containsExactly(Violation.of("lowerMinimums[0]", "bands.tierOrder"));
        RuleSet scored = new RuleSet(TierMethod.SCORECARD, 12, ParetoCutoffs.DEFAULT,
                Scorecard.DEFAULT.withLowerMinimums(List.of(40)), HardRules.DEFAULT, ChurnThresholds.DEFAULT);
        assertThat(scored.named(FOUR).violations()).isEmpty();
        assertThat(scored.violations()).as("one minimum too many for three tiers")
                .containsExactly(Violation.of("scorecard.lowerMinimums[0]", "ladder.boundaries", 3));
    }

    @Test
    void hard_floors_fall_tier_by_tier() {
        HardRules floors = HardRules.DEFAULT.withLower(List.of(new HardRules.Floor(4, new BigDecimal("5000"))));
        assertThat(floors.violations()).containsExactly(Violation.of("lower[0].orders", "hard.orders"));
        HardRules richer = HardRules.DEFAULT.withLower(List.of(new HardRules.Floor(1, new BigDecimal("20000"))));
        assertThat(richer.violations()).containsExactly(Violation.of("lower[0].revenue", "hard.revenue"));
        RuleSet hard = new RuleSet(TierMethod.HARD_RULES, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
                HardRules.DEFAULT.withLower(List.of(new HardRules.Floor(1, new BigDecimal("1000")))),
                ChurnThresholds.DEFAULT);
        assertThat(hard.named(FOUR).violations()).isEmpty();
        assertThat(hard.named(FIVE).violations())
                .containsExactly(Violation.of("hardRules.lower[1]", "ladder.boundaries", 5));
    }

    private static BigDecimal share(String value) {
        return new BigDecimal(value);
    }
}

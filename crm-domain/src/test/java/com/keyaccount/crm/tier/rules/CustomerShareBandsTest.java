package com.keyaccount.crm.tier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.shared.rules.Violation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cuts of the bands by share of customers: one per boundary, inside 0–100%, rising. */
class CustomerShareBandsTest {

    @Test
    void the_seed_cuts_have_no_violation() {
        assertThat(CustomerShareBands.DEFAULT.violations()).isEmpty();
    }

    @Test
    void each_cut_lies_strictly_between_nothing_and_everyone() {
        assertThat(bands("0", "0.5").violations()).containsExactly(Violation.of("cuts[0]", Violation.MIN, 0, 1));
        assertThat(bands("0.2", "1").violations()).containsExactly(Violation.of("cuts[1]", Violation.MAX, 0, 1));
        assertThat(bands("0.000001", "0.999999").violations()).isEmpty();
    }

    @Test
    void the_cuts_rise_from_the_top_tier_down() {
        assertThat(bands("0.5", "0.5").violations()).containsExactly(Violation.of("cuts[1]", "shares.order"));
        assertThat(bands("0.5", "0.2").violations()).containsExactly(Violation.of("cuts[1]", "shares.order"));
    }

    @Test
    void there_is_one_cut_fewer_than_tiers_and_the_rule_set_says_where() {
        RuleSet rules = new RuleSet(TierMethod.CUSTOMER_SHARE, 12, ParetoCutoffs.DEFAULT, Scorecard.DEFAULT,
                HardRules.DEFAULT, com.keyaccount.crm.churn.ChurnThresholds.DEFAULT);
        assertThat(rules.shares()).isEqualTo(CustomerShareBands.DEFAULT);
        assertThat(rules.bandedBy(TierMethod.CUSTOMER_SHARE, bands("0.2")).violations())
                .containsExactly(Violation.of("shares.cuts[1]", "ladder.boundaries", 3));
        // seed 002's four classes: a fourth tier needs a third cut
        TierLadder four = TierLadder.named(List.of("重要客户", "主要客户", "普通客户", "小客户"),
                List.of("Key", "Major", "Regular", "Small"));
        assertThat(rules.bandedBy(TierMethod.CUSTOMER_SHARE, bands("0.2", "0.5")).named(four).violations())
                .containsExactly(Violation.of("shares.cuts[2]", "ladder.boundaries", 4));
        assertThat(rules.bandedBy(TierMethod.CUSTOMER_SHARE, bands("0.2", "0.5", "0.8")).named(four).violations())
                .isEmpty();
        assertThat(rules.bandedBy(TierMethod.CUSTOMER_SHARE, bands("0.2", "0.5", "0.8")).violations())
                .as("one cut too many for three tiers").containsExactly(Violation.of("shares.cuts[0]", "ladder.boundaries", 3));
    }

    private static CustomerShareBands bands(String... cuts) {
        return new CustomerShareBands(List.of(cuts).stream().map(BigDecimal::new).toList());
    }
}

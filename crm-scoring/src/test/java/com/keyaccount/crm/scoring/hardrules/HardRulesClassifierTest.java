package com.keyaccount.crm.scoring.hardrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.HardRules;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's battery example: A > 5 orders and > 100k; B > 3 orders and > 10k. */
class HardRulesClassifierTest {

    @ParameterizedTest(name = "{0} orders, {1} yuan → {2}")
    @CsvSource({
        "6, 100000.01, A",
        "6, 100000, B",      // the amount floor is exclusive
        "5, 500000, B",      // the order floor is exclusive
        "4, 10000.01, B",
        "4, 10000, C",
        "3, 90000, C",
        "0, 0, C"})
    void both_floors_of_a_tier_must_be_exceeded(long orders, BigDecimal revenue, Tier expected) {
        var decision = HardRulesClassifier.classify(List.of(new CustomerFigures(1, revenue, orders, null)),
                HardRules.DEFAULT).get(0);
        assertThat(decision.tier()).isEqualTo(expected);
        assertThat(decision.explanation()).isEqualTo(new HardRuleExplanation(orders, revenue));
    }

    @Test
    void floors_for_b_above_those_for_a_are_refused() {
        assertThatThrownBy(() -> HardRulesClassifier.classify(List.of(), new HardRules(3, BigDecimal.TEN, 5,
                BigDecimal.ONE))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HardRulesClassifier.classify(List.of(), new HardRules(5, BigDecimal.ONE, 3,
                BigDecimal.TEN))).isInstanceOf(IllegalArgumentException.class);
    }
}

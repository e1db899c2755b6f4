package com.keyaccount.crm.scoring.pin;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PinRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void a_pin_without_a_last_day_holds_until_it_is_removed() {
        assertThat(PinRule.effective(Tier.C, Tier.A, null, TODAY.plusYears(10))).isEqualTo(Tier.A);
    }

    @Test
    void a_pin_holds_through_its_last_day_and_not_after() {
        assertThat(PinRule.effective(Tier.C, Tier.A, TODAY, TODAY)).isEqualTo(Tier.A);
        assertThat(PinRule.effective(Tier.C, Tier.A, TODAY, TODAY.plusDays(1))).isEqualTo(Tier.C);
    }

    @Test
    void without_a_pin_the_computed_tier_is_in_force() {
        assertThat(PinRule.holds(null, null, TODAY)).isFalse();
        assertThat(PinRule.effective(Tier.B, null, null, TODAY)).isEqualTo(Tier.B);
    }

    @Test
    void a_pin_can_also_hold_a_customer_below_its_computed_tier() {
        assertThat(PinRule.effective(Tier.A, Tier.B, TODAY.plusDays(30), TODAY)).isEqualTo(Tier.B);
    }
}

package com.keyaccount.crm.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.rules.RoleDuties.Duty;
import com.keyaccount.crm.followup.rules.RoleDuties.Every;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleDutiesTest {

    @Test
    void the_defaults_are_the_regulations_and_make_the_top_tier_the_key_accounts() {
        RoleDuties duties = RoleDuties.DEFAULT;
        assertThat(duties.violations()).isEmpty();
        assertThat(duties.of(Role.PROVINCE_MANAGER).of(Tier.A)).isEqualTo(new Every(60, 30));
        assertThat(duties.of(Role.REGIONAL_MANAGER).of(Tier.A)).isEqualTo(new Every(30, 7));
        assertThat(duties.of(Role.ACCOUNT_MANAGER).of(Tier.A)).isEqualTo(new Every(15, 1));
        assertThat(duties.of(Role.ACCOUNT_MANAGER).daysPerMonth()).isEqualTo(10);
        assertThat(duties.of(Role.ACCOUNT_MANAGER).keyTiers()).containsExactly(Tier.A);
        // roles outside the organisation's sales line owe nothing
        assertThat(duties.of(Role.CUSTOMER_SERVICE).any()).isFalse();
        assertThat(duties.of(Role.SALES_DIRECTOR).any()).isFalse();
    }

    @Test
    void numbers_out_of_range_are_named_by_role_tier_and_field() {
        RoleDuties typed = new RoleDuties(Map.of(
                Role.REGIONAL_MANAGER, new Duty(Map.of(Tier.B, new Every(0, 7)), 40),
                Role.ACCOUNT_MANAGER, new Duty(Map.of(Tier.A, new Every(15, 4000)), null)));
        assertThat(typed.violations()).containsExactlyInAnyOrder(
                Violation.of("REGIONAL_MANAGER.byTier[B].visitEveryDays", Violation.MIN, 1, 3650),
                Violation.of("REGIONAL_MANAGER.daysPerMonth", Violation.MAX, 0, 31),
                Violation.of("ACCOUNT_MANAGER.byTier[A].callEveryDays", Violation.MAX, 1, 3650));
    }

    @Test
    void a_tier_with_both_numbers_blank_is_no_key_account_of_the_role() {
        Duty duty = new Duty(Map.of(Tier.A, new Every(15, null), Tier.B, Every.NONE), null);
        assertThat(duty.keyTiers()).containsExactly(Tier.A);
        assertThat(new Duty(Map.of(Tier.B, Every.NONE), 0).any()).isFalse();
    }
}

package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private final AppUser owner = new AppUser("zhang", "{noop}x", "张伟", Role.ACCOUNT_MANAGER, "EAST");

    @Test
    void a_lost_customer_must_carry_a_reason() {
        assertThatThrownBy(() -> new Customer(profile(CustomerStatus.LOST, " "), owner, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        Customer lost = new Customer(profile(CustomerStatus.LOST, " 价格竞争 "), owner, NOW);
        assertThat(lost.getLostReason()).isEqualTo("价格竞争");
    }

    @Test
    void leaving_the_lost_status_drops_the_old_reason() {
        Customer customer = new Customer(profile(CustomerStatus.LOST, "价格竞争"), owner, NOW);
        customer.updateProfile(profile(CustomerStatus.ACTIVE, "价格竞争"), NOW);
        assertThat(customer.getLostReason()).isNull();
    }

    @Test
    void a_profile_is_due_for_verification_only_after_ninety_days() {
        Customer customer = new Customer(profile(CustomerStatus.ACTIVE, null), owner, NOW);
        assertThat(customer.needsVerification(NOW.plus(Duration.ofDays(90)))).isFalse();
        assertThat(customer.needsVerification(NOW.plus(Duration.ofDays(90)).plusSeconds(1))).isTrue();
        customer.markVerified(NOW.plus(Duration.ofDays(100)));
        assertThat(customer.needsVerification(NOW.plus(Duration.ofDays(101)))).isFalse();
    }

    @Test
    void a_deleted_customer_cannot_be_edited_or_reassigned() {
        Customer customer = new Customer(profile(CustomerStatus.ACTIVE, null), owner, NOW);
        customer.softDelete(NOW);
        assertThat(customer.isDeleted()).isTrue();
        assertThat(customer.getDeletedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> customer.updateProfile(profile(CustomerStatus.ACTIVE, null), NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> customer.reassignTo(owner, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void amounts_are_kept_in_fen_so_an_unchanged_amount_compares_equal() {
        Customer customer = new Customer(profile(CustomerStatus.ACTIVE, null), owner, NOW);
        assertThat(customer.getAnnualSales()).isEqualTo(new BigDecimal("1250000.00"));
        assertThat(customer.profile().annualSales()).isEqualTo(new BigDecimal("1250000.00"));
    }

    @Test
    void names_and_codes_are_trimmed() {
        Customer customer = new Customer(profile(CustomerStatus.ACTIVE, null), owner, NOW);
        assertThat(customer.getCode()).isEqualTo("C-1");
        assertThat(customer.getName()).isEqualTo("上海华信机械制造有限公司");
    }

    @Test
    void a_key_account_designation_needs_a_reason_and_can_be_withdrawn() {
        Customer customer = new Customer(profile(CustomerStatus.ACTIVE, null), owner, NOW);
        AppUser director = new AppUser("director", "{noop}x", "赵敏", Role.SALES_DIRECTOR, null);
        assertThatThrownBy(() -> customer.designateAsKeyAccount("", director, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        customer.designateAsKeyAccount("战略合作伙伴", director, NOW);
        assertThat(customer.getDesignation().isDesignated()).isTrue();
        assertThat(customer.getDesignation().getBy()).isSameAs(director);
        customer.withdrawKeyAccountDesignation(NOW);
        assertThat(customer.getDesignation().isDesignated()).isFalse();
        assertThat(customer.getDesignation().getReason()).isNull();
    }

    static CustomerProfile profile(CustomerStatus status, String lostReason) {
        return new CustomerProfile(" C-1 ", " 上海华信机械制造有限公司 ", Industry.MANUFACTURING, Region.EAST,
                new BigDecimal("1250000"), 120, null, null, null, status, lostReason, false, null, null);
    }
}

package com.keyaccount.crm.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaConsistencyTest {

    private static VisitQuotas quotas(TierCadence a, TierCadence b, TierCadence c) {
        return new VisitQuotas(Map.of(Tier.A, a, Tier.B, b, Tier.C, c), 7);
    }

    private static TierCadence any(Integer every, Integer atMost) {
        return new TierCadence(new Cadence(every, atMost), Cadence.NONE);
    }

    @Test
    void the_spec_defaults_are_consistent() {
        assertThat(VisitQuotas.DEFAULT.violations()).isEmpty();
        assertThat(VisitQuotas.DEFAULT.warnings()).isEmpty();
    }

    @Test
    void a_maximum_below_what_the_minimum_needs_is_an_error_naming_the_smallest_allowed_maximum() {
        // every 7 days: contacts on days 1, 8, 15, 22, 29 of a 30-day window -> 5 needed, 4 forbids it
        VisitQuotas q = quotas(any(7, 4), any(14, null), any(30, 4));
        assertThat(q.violations()).containsExactly(Violation.of("byTier[A].anyContact.atMostPer30Days",
                QuotaConsistency.MAXIMUM_BELOW_MINIMUM, 5, 7));
        assertThat(q.warnings()).isEmpty();
    }

    @Test
    void a_maximum_exactly_at_what_the_minimum_needs_is_fine() {
        // every 10 days: 3 in 30; every 30 days: 1 in 30; every 31 days: 1 (ceil), every 7: 5
        assertThat(quotas(any(7, 5), any(10, 3), any(31, 1)).violations()).isEmpty();
    }

    @Test
    void required_contacts_per_30_days_round_up() {
        assertThat(QuotaConsistency.contactsRequiredPer30Days(Cadence.every(7))).isEqualTo(5);
        assertThat(QuotaConsistency.contactsRequiredPer30Days(Cadence.every(15))).isEqualTo(2);
        assertThat(QuotaConsistency.contactsRequiredPer30Days(Cadence.every(16))).isEqualTo(2);
        assertThat(QuotaConsistency.contactsRequiredPer30Days(Cadence.every(1))).isEqualTo(30);
        assertThat(QuotaConsistency.contactsRequiredPer30Days(Cadence.every(365))).isEqualTo(1);
        assertThat(QuotaConsistency.contactsRequiredPer30Days(Cadence.NONE)).isZero();
    }

    @Test
    void a_better_tier_contacted_less_often_than_the_next_is_a_warning_on_the_better_tiers_field() {
        VisitQuotas q = quotas(any(20, null), any(14, null), any(30, null));
        assertThat(q.warnings()).containsExactly(Violation.of("byTier[A].anyContact.atLeastEveryDays",
                QuotaConsistency.LAXER_THAN_NEXT_TIER, Tier.B, 14));
        assertThat(q.violations()).as("a warning does not block saving").isEmpty();
    }

    @Test
    void equal_intervals_are_not_a_warning_and_no_minimum_counts_as_longest() {
        assertThat(quotas(any(14, null), any(14, null), any(null, null)).warnings()).isEmpty();
        // B without a minimum while C has one: B would be contacted less often than C
        assertThat(quotas(any(7, null), any(null, null), any(30, null)).warnings())
                .containsExactly(Violation.of("byTier[B].anyContact.atLeastEveryDays",
                        QuotaConsistency.LAXER_THAN_NEXT_TIER, Tier.C, 30));
    }

    @Test
    void on_site_visit_intervals_are_compared_too() {
        VisitQuotas q = new VisitQuotas(Map.of(
                Tier.A, new TierCadence(Cadence.every(7), Cadence.every(120)),
                Tier.B, new TierCadence(Cadence.every(14), Cadence.every(90)),
                Tier.C, new TierCadence(Cadence.every(30), Cadence.NONE)), 7);
        assertThat(q.warnings()).containsExactly(Violation.of("byTier[A].onSiteVisit.atLeastEveryDays",
                QuotaConsistency.LAXER_THAN_NEXT_TIER, Tier.B, 90));
    }

    @Test
    void numbers_out_of_range_come_first_and_hold_back_the_checks_of_the_whole_set() {
        // A's maximum of 4 is also below what every 7 days needs, but the range problems come first
        VisitQuotas q = new VisitQuotas(Map.of(
                Tier.A, new TierCadence(new Cadence(7, 4), Cadence.every(4000)),
                Tier.B, new TierCadence(new Cadence(0, 1001), Cadence.every(90)),
                Tier.C, new TierCadence(Cadence.every(3650), Cadence.NONE)), 366);
        assertThat(q.violations()).containsExactly(
                Violation.of("byTier[A].onSiteVisit.atLeastEveryDays", Violation.MAX, 1, 3650),
                Violation.of("byTier[B].anyContact.atLeastEveryDays", Violation.MIN, 1, 3650),
                Violation.of("byTier[B].anyContact.atMostPer30Days", Violation.MAX, 1, 1000),
                Violation.of("upgradeGraceDays", Violation.MAX, 0, 365));
        assertThat(q.warnings()).isEmpty();
    }

    @Test
    void a_tier_without_quotas_is_no_quota_set_at_all() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VisitQuotas(Map.of(Tier.A, any(7, null)), 7))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

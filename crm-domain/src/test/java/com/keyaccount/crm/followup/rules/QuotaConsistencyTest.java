package com.keyaccount.crm.followup.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.rules.QuotaFinding.Field;
import com.keyaccount.crm.followup.rules.QuotaFinding.Problem;
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
        assertThat(QuotaConsistency.check(VisitQuotas.DEFAULT)).isEmpty();
    }

    @Test
    void a_maximum_below_what_the_minimum_needs_is_an_error_naming_the_smallest_allowed_maximum() {
        // every 7 days: contacts on days 1, 8, 15, 22, 29 of a 30-day window -> 5 needed, 4 forbids it
        VisitQuotas q = quotas(any(7, 4), any(14, null), any(30, 4));
        assertThat(QuotaConsistency.check(q)).containsExactly(new QuotaFinding(Tier.A, ChannelGroup.ANY_CONTACT,
                Field.AT_MOST_PER_30_DAYS, Problem.MAXIMUM_BELOW_MINIMUM, 5, null));
        assertThat(QuotaConsistency.check(q).get(0).isError()).isTrue();
    }

    @Test
    void a_maximum_exactly_at_what_the_minimum_needs_is_fine() {
        // every 10 days: 3 in 30; every 30 days: 1 in 30; every 31 days: 1 (ceil), every 7: 5
        assertThat(QuotaConsistency.check(quotas(any(7, 5), any(10, 3), any(31, 1)))).isEmpty();
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
        assertThat(QuotaConsistency.check(q)).containsExactly(new QuotaFinding(Tier.A, ChannelGroup.ANY_CONTACT,
                Field.AT_LEAST_EVERY_DAYS, Problem.LAXER_THAN_NEXT_TIER, 14, Tier.B));
        assertThat(QuotaConsistency.check(q).get(0).isError()).isFalse();
    }

    @Test
    void equal_intervals_are_not_a_warning_and_no_minimum_counts_as_longest() {
        assertThat(QuotaConsistency.check(quotas(any(14, null), any(14, null), any(null, null)))).isEmpty();
        // B without a minimum while C has one: B would be contacted less often than C
        assertThat(QuotaConsistency.check(quotas(any(7, null), any(null, null), any(30, null))))
                .containsExactly(new QuotaFinding(Tier.B, ChannelGroup.ANY_CONTACT, Field.AT_LEAST_EVERY_DAYS,
                        Problem.LAXER_THAN_NEXT_TIER, 30, Tier.C));
    }

    @Test
    void on_site_visit_intervals_are_compared_too() {
        VisitQuotas q = new VisitQuotas(Map.of(
                Tier.A, new TierCadence(Cadence.every(7), Cadence.every(120)),
                Tier.B, new TierCadence(Cadence.every(14), Cadence.every(90)),
                Tier.C, new TierCadence(Cadence.every(30), Cadence.NONE)), 7);
        assertThat(QuotaConsistency.check(q)).containsExactly(new QuotaFinding(Tier.A, ChannelGroup.ON_SITE_VISIT,
                Field.AT_LEAST_EVERY_DAYS, Problem.LAXER_THAN_NEXT_TIER, 90, Tier.B));
    }
}

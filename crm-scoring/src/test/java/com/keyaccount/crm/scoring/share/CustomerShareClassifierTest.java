package com.keyaccount.crm.scoring.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.pareto.ParetoExplanation;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.CustomerShareBands;
import com.keyaccount.crm.tier.rules.Measure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bands by share of customers (seed 002): cut by how many customers rank above, ties together. */
class CustomerShareClassifierTest {

    private static final CustomerShareBands SEED = CustomerShareBands.DEFAULT;

    @Test
    void ten_customers_cut_at_twenty_and_fifty_percent_are_two_three_and_five() {
        assertThat(tierCounts(SEED, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10))
                .isEqualTo(Map.of(Tier.A, 2L, Tier.B, 3L, Tier.C, 5L));
    }

    @Test
    void a_customer_with_exactly_the_cut_share_above_it_is_in_the_band_below() {
        // 5 customers, cut 20%: one customer above is exactly 20%, so the second is B
        Map<Long, Tier> tiers = tiers(SEED, 50, 40, 30, 20, 10);
        assertThat(tiers).containsEntry(1L, Tier.A).containsEntry(2L, Tier.B).containsEntry(3L, Tier.B)
                .containsEntry(4L, Tier.C).containsEntry(5L, Tier.C);
    }

    @Test
    void customers_with_equal_figures_share_a_band_even_across_a_cut() {
        // 10 customers, the 2nd to 4th equal: one above each of them, below 2 = 20% of 10
        Map<Long, Tier> tiers = tiers(SEED, 100, 90, 90, 90, 60, 50, 40, 30, 20, 10);
        assertThat(tiers).containsEntry(2L, Tier.A).containsEntry(3L, Tier.A).containsEntry(4L, Tier.A)
                .containsEntry(5L, Tier.B);
        // and the customer after a tie counts everyone above it: 4 above, below 5 = 50% of 10
        assertThat(tiers).containsEntry(5L, Tier.B).containsEntry(6L, Tier.C);
    }

    @Test
    void ties_still_take_their_places_in_the_ranking_by_customer_id() {
        List<TierDecision> decisions = CustomerShareClassifier.classify(List.of(revenue(9, 100), revenue(3, 100),
                revenue(5, 100)), SEED, Measure.NET_REVENUE);
        assertThat(decisions).extracting(TierDecision::customerId).containsExactly(3L, 5L, 9L);
        assertThat(decisions).extracting(d -> ((ParetoExplanation) d.explanation()).rank()).containsExactly(1, 2, 3);
        assertThat(decisions).extracting(TierDecision::tier).containsOnly(Tier.A);
    }

    @Test
    void zero_or_less_is_the_lowest_tier_however_many_share_it() {
        Map<Long, Tier> tiers = tiers(SEED, 100, 0, 0, -50, 0);
        assertThat(tiers).containsEntry(1L, Tier.A).containsEntry(2L, Tier.C).containsEntry(3L, Tier.C)
                .containsEntry(4L, Tier.C).containsEntry(5L, Tier.C);
    }

    @Test
    void when_nobody_bought_anything_everyone_is_in_the_lowest_tier() {
        assertThat(tiers(SEED, 0, 0, 0).values()).containsOnly(Tier.C);
    }

    @Test
    void an_empty_book_has_no_tiers_and_a_single_customer_is_at_the_top() {
        assertThat(CustomerShareClassifier.classify(List.of(), SEED, Measure.NET_REVENUE)).isEmpty();
        assertThat(tiers(SEED, 1)).containsEntry(1L, Tier.A);
    }

    @Test
    void it_ranks_by_gross_margin_when_that_is_the_measure() {
        List<CustomerFigures> book = List.of(
                new CustomerFigures(1, new BigDecimal("1000"), new BigDecimal("10"), 3, null),
                new CustomerFigures(2, new BigDecimal("500"), new BigDecimal("200"), 3, null),
                new CustomerFigures(3, new BigDecimal("400"), new BigDecimal("100"), 3, null),
                new CustomerFigures(4, new BigDecimal("300"), new BigDecimal("50"), 3, null),
                new CustomerFigures(5, new BigDecimal("200"), new BigDecimal("20"), 3, null));
        Map<Long, Tier> tiers = CustomerShareClassifier.classify(book, SEED, Measure.GROSS_MARGIN).stream()
                .collect(Collectors.toMap(TierDecision::customerId, TierDecision::tier));
        assertThat(tiers).containsEntry(2L, Tier.A).containsEntry(1L, Tier.C);
    }

    @Test
    void the_explanation_gives_the_share_of_revenue_before_as_pareto_does() {
        List<TierDecision> decisions = CustomerShareClassifier.classify(List.of(revenue(1, 60), revenue(2, 30),
                revenue(3, 10)), SEED, Measure.NET_REVENUE);
        assertThat(decisions).extracting(d -> ((ParetoExplanation) d.explanation()).shareBefore())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(BigDecimal.ZERO, new BigDecimal("0.6"), new BigDecimal("0.9"));
    }

    @Test
    void cuts_with_violations_are_refused_rather_than_classifying_nonsense() {
        CustomerShareBands upsideDown = new CustomerShareBands(List.of(new BigDecimal("0.5"), new BigDecimal("0.2")));
        assertThatThrownBy(() -> CustomerShareClassifier.classify(List.of(revenue(1, 1)), upsideDown,
                Measure.NET_REVENUE)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<Tier, Long> tierCounts(CustomerShareBands bands, long... revenues) {
        return tiers(bands, revenues).values().stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
    }

    private static Map<Long, Tier> tiers(CustomerShareBands bands, long... revenues) {
        List<CustomerFigures> book = new ArrayList<>();
        for (int i = 0; i < revenues.length; i++) {
            book.add(revenue(i + 1, revenues[i]));
        }
        return CustomerShareClassifier.classify(book, bands, Measure.NET_REVENUE).stream()
                .collect(Collectors.toMap(TierDecision::customerId, TierDecision::tier));
    }

    private static CustomerFigures revenue(long id, long yuan) {
        return CustomerFigures.revenueOnly(id, BigDecimal.valueOf(yuan));
    }
}

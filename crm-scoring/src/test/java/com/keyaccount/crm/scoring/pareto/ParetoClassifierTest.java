package com.keyaccount.crm.scoring.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ParetoClassifierTest {

    @Test
    void the_customer_that_crosses_the_a_cutoff_is_still_a() {
        // shares 50, 25, 10, 10, 5: before-shares 0, .50, .75, .85, .95
        Map<Long, Tier> tiers = tiers(ParetoCutoffs.DEFAULT, 50, 25, 10, 10, 5);
        assertThat(tiers).containsEntry(1L, Tier.A).containsEntry(2L, Tier.A).containsEntry(3L, Tier.A)
                .containsEntry(4L, Tier.B)
                .containsEntry(5L, Tier.C); // before-share exactly .95 is not below B
    }

    @Test
    void a_before_share_exactly_at_the_a_cutoff_is_b() {
        // 80, 15, 5: the second customer has exactly 80% before it
        assertThat(tiers(ParetoCutoffs.DEFAULT, 80, 15, 5)).containsEntry(1L, Tier.A).containsEntry(2L, Tier.B)
                .containsEntry(3L, Tier.C);
    }

    @Test
    void ties_are_broken_by_customer_id() {
        List<TierDecision> decisions = ParetoClassifier.classify(List.of(
                revenue(9, 100), revenue(3, 100), revenue(5, 100)), ParetoCutoffs.DEFAULT);
        assertThat(decisions).extracting(TierDecision::customerId).containsExactly(3L, 5L, 9L);
        assertThat(decisions).extracting(d -> ((ParetoExplanation) d.explanation()).rank()).containsExactly(1, 2, 3);
    }

    @Test
    void zero_revenue_customers_are_c_even_when_they_would_fall_below_the_cutoff() {
        ParetoCutoffs everythingIsA = new ParetoCutoffs(new BigDecimal("0.999999"), BigDecimal.ONE);
        assertThat(tiers(everythingIsA, 100, 0, 0)).containsEntry(1L, Tier.A).containsEntry(2L, Tier.C)
                .containsEntry(3L, Tier.C);
    }

    @Test
    void when_nobody_bought_anything_everyone_is_c() {
        assertThat(tiers(ParetoCutoffs.DEFAULT, 0, 0, 0).values()).containsOnly(Tier.C);
        assertThat(((ParetoExplanation) ParetoClassifier.classify(List.of(revenue(1, 0)), ParetoCutoffs.DEFAULT).get(0)
                .explanation()).shareBefore())
                .isZero();
    }

    @Test
    void a_single_customer_with_revenue_is_a() {
        assertThat(tiers(ParetoCutoffs.DEFAULT, 1)).containsExactly(Map.entry(1L, Tier.A));
    }

    @Test
    void an_empty_book_has_no_decisions() {
        assertThat(ParetoClassifier.classify(List.of(), ParetoCutoffs.DEFAULT)).isEmpty();
    }

    @Test
    void a_b_cutoff_of_one_makes_every_paying_customer_at_least_b() {
        ParetoCutoffs cutoffs = new ParetoCutoffs(new BigDecimal("0.5"), BigDecimal.ONE);
        assertThat(tiers(cutoffs, 60, 30, 9, 1, 0)).containsEntry(1L, Tier.A).containsEntry(2L, Tier.B)
                .containsEntry(3L, Tier.B).containsEntry(4L, Tier.B).containsEntry(5L, Tier.C);
    }

    @Test
    void the_explanation_carries_rank_and_share_before() {
        List<TierDecision> decisions = ParetoClassifier.classify(List.of(revenue(1, 3), revenue(2, 1)),
                ParetoCutoffs.DEFAULT);
        assertThat(decisions.get(1)).isEqualTo(new TierDecision(2, Tier.A,
                new ParetoExplanation(2, 2, new BigDecimal("0.750000"), BigDecimal.ONE)));
    }

    @Test
    void cutoffs_outside_zero_a_b_one_are_refused() {
        for (String[] cutoffs : new String[][] {{"0", "0.9"}, {"0.9", "0.9"}, {"0.8", "1.01"}}) {
            ParetoCutoffs refused = new ParetoCutoffs(new BigDecimal(cutoffs[0]), new BigDecimal(cutoffs[1]));
            assertThatThrownBy(() -> ParetoClassifier.classify(List.of(), refused))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // a negative net revenue is a customer that returned more than it bought (MeasureTest); a
        // negative number of orders is nonsense
        assertThatThrownBy(() -> new CustomerFigures(1, BigDecimal.ONE, -1, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(20)
    void agrees_with_a_brute_force_reading_of_the_rule_on_random_books() {
        Random random = new Random();
        List<CustomerFigures> book = new ArrayList<>();
        int size = 1 + random.nextInt(60);
        for (int i = 0; i < size; i++) {
            // few distinct values, so ties and zeros are common
            book.add(revenue(random.nextInt(1_000_000), random.nextInt(4) == 0 ? 0 : random.nextInt(8) * 125));
        }
        book = book.stream().collect(Collectors.toMap(CustomerFigures::customerId, c -> c, (x, y) -> x))
                .values().stream().toList();
        ParetoCutoffs cutoffs = new ParetoCutoffs(new BigDecimal("0.7"), new BigDecimal("0.9"));

        Map<Long, Tier> actual = ParetoClassifier.classify(book, cutoffs).stream()
                .collect(Collectors.toMap(TierDecision::customerId, TierDecision::tier));
        assertThat(actual).isEqualTo(bruteForce(book, 0.7, 0.9));
    }

    /** For each customer, sum what every customer ranked before it earned; no sorting involved. */
    private static Map<Long, Tier> bruteForce(List<CustomerFigures> book, double a, double b) {
        long total = book.stream().mapToLong(c -> c.revenue().longValueExact()).sum();
        Map<Long, Tier> expected = new HashMap<>();
        for (CustomerFigures me : book) {
            long mine = me.revenue().longValueExact();
            long before = 0;
            for (CustomerFigures other : book) {
                long theirs = other.revenue().longValueExact();
                if (theirs > mine || (theirs == mine && other.customerId() < me.customerId())) {
                    before += theirs;
                }
            }
            Tier tier = mine == 0 ? Tier.C
                    : before * 10 < Math.round(a * 10) * total ? Tier.A
                    : before * 10 < Math.round(b * 10) * total ? Tier.B : Tier.C;
            expected.put(me.customerId(), tier);
        }
        return expected;
    }

    private static Map<Long, Tier> tiers(ParetoCutoffs cutoffs, long... revenues) {
        List<CustomerFigures> book = new ArrayList<>();
        for (int i = 0; i < revenues.length; i++) {
            book.add(revenue(i + 1, revenues[i]));
        }
        return ParetoClassifier.classify(book, cutoffs).stream()
                .collect(Collectors.toMap(TierDecision::customerId, TierDecision::tier));
    }

    private static CustomerFigures revenue(long id, long yuan) {
        return CustomerFigures.revenueOnly(id, BigDecimal.valueOf(yuan));
    }
}

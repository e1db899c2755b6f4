package com.keyaccount.crm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.customer.PotentialFactors.Factor;
import com.keyaccount.crm.customer.PotentialFactors.Name;
import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 003's table of potential by two factors: named levels, and a score from 1 to 9 in each cell. */
class PotentialFactorsTest {

    private static final PotentialFactors SEED = PotentialFactors.DEFAULT;

    @Test
    void the_seed_table_scores_a_large_customer_with_a_senior_decision_maker_nine() {
        assertThat(SEED.violations()).isEmpty();
        assertThat(SEED.enabled()).isFalse();
        assertThat(SEED.score(0, 0)).isEqualTo(9);
        assertThat(SEED.score(2, 2)).isEqualTo(1);
        assertThat(SEED.score(1, 2)).isEqualTo(3);
    }

    @Test
    void every_score_is_one_to_nine_and_none_missing() {
        List<List<Integer>> scores = new ArrayList<>(SEED.scores());
        scores.set(0, List.of(10, 8, 5));
        scores.set(2, Arrays.asList(0, null, 1));
        assertThat(table(SEED.rows(), SEED.columns(), scores).violations()).containsExactly(
                Violation.of("scores[0][0]", Violation.MAX, 1, 9), Violation.of("scores[2][0]", Violation.MIN, 1, 9),
                Violation.of("scores[2][1]", "factors.score.blank"));
    }

    @Test
    void each_factor_and_level_is_named_in_both_languages_and_two_levels_never_alike() {
        Factor rows = new Factor(new Name(" ", "Size"), List.of(new Name("大型", "Large"), new Name("大型", "large"),
                new Name("小型", "x".repeat(31))));
        assertThat(table(rows, SEED.columns(), SEED.scores()).violations()).containsExactly(
                Violation.of("rows.name.zh", "factors.name.blank"),
                Violation.of("rows.levels[1].zh", "factors.name.taken"),
                Violation.of("rows.levels[1].en", "factors.name.taken"),
                Violation.of("rows.levels[2].en", "factors.name.long", 30));
    }

    @Test
    void a_factor_has_three_levels_and_the_table_three_by_three_scores() {
        Factor two = new Factor(new Name("规模", "Size"), List.of(new Name("大", "L"), new Name("小", "S")));
        assertThat(table(two, SEED.columns(), List.of(List.of(1, 2, 3), List.of(1, 2, 3))).violations())
                .containsExactly(Violation.of("rows.levels", "factors.levels.size", 3),
                        Violation.of("scores", "factors.scores.size", 3));
    }

    private static PotentialFactors table(Factor rows, Factor columns, List<List<Integer>> scores) {
        return new PotentialFactors(true, rows, columns, scores);
    }
}

package com.keyaccount.crm.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.Metric;
import com.keyaccount.crm.tier.rules.PointBand;
import com.keyaccount.crm.tier.rules.Scorecard;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scorecard criteria beyond sales (issue 16): the potential score of the nine-grid (seed 003's
 * A/B/C target grades: 8 and up, 4 to 7, the rest) and years as a customer (loyalty).
 */
class ProfileCriteriaTest {

    /** Potential 8+ 60 points, 4+ 40, else 10; without an assessment 0. Loyalty 5+ years 40, 2+ 20, else 0. */
    private static final Scorecard CARD = new Scorecard(List.of(
            new Criterion("potential", Metric.POTENTIAL, true, List.of(new PointBand(new BigDecimal("8"), 60),
                    new PointBand(new BigDecimal("4"), 40)), 10, 0),
            new Criterion("loyalty", Metric.YEARS_AS_CUSTOMER, true, List.of(new PointBand(new BigDecimal("5"), 40),
                    new PointBand(new BigDecimal("2"), 20)), 0, 0)), 80, 50);

    @ParameterizedTest(name = "potential {0} scores {1}")
    @CsvSource({"9, 60", "8, 60", "7, 40", "4, 40", "3, 10", "1, 10"})
    void potential_bands_include_their_lower_edge(int potential, int points) {
        assertThat(part(score(potential, 0.0), "potential")).isEqualTo(points);
    }

    @Test
    void a_customer_not_assessed_gets_the_points_without_data() {
        assertThat(part(score(null, 0.0), "potential")).isZero();
    }

    @ParameterizedTest(name = "{0} years score {1}")
    @CsvSource({"5.0, 40", "4.99, 20", "2.0, 20", "1.99, 0", "0, 0"})
    void loyalty_counts_whole_tenths_of_years_down(double years, int points) {
        assertThat(part(score(1, years), "loyalty")).isEqualTo(points);
    }

    @Test
    void high_potential_and_long_loyalty_make_a_customer_without_sales_a_key_account() {
        // 60 + 40 = 100 >= 80: A, though it bought nothing in the window
        assertThat(score(8, 6.0).tier()).isEqualTo(Tier.A);
        // 40 + 20 = 60: B
        assertThat(score(5, 3.0).tier()).isEqualTo(Tier.B);
        // 10 + 0 = 10: C
        assertThat(score(2, 1.0).tier()).isEqualTo(Tier.C);
    }

    @ParameterizedTest(name = "satisfaction {0} scores {1}, growth {2}% scores {3}")
    @CsvSource({"90, 50, 20, 30", "89.9, 25, 19.96, 30", "60, 25, 19.94, 0", "59.9, 0, -5, 0"})
    void satisfaction_and_growth_score_by_their_bands(double satisfaction, int satisfactionPoints, double growth,
            int growthPoints) {
        // satisfaction 90+ 50, 60+ 25; growth 20%+ 30 (rounded to a tenth: 19.96 is 20.0), else 0
        Scorecard card = new Scorecard(List.of(
                new Criterion("satisfaction", Metric.SATISFACTION, true, List.of(new PointBand(new BigDecimal("90"), 50),
                        new PointBand(new BigDecimal("60"), 25)), 0, 5),
                new Criterion("growth", Metric.REVENUE_GROWTH, true, List.of(new PointBand(new BigDecimal("20"), 30)),
                        0, 0)), 80, 50);
        CustomerFigures figures = new CustomerFigures(1, BigDecimal.ZERO, null, 0, null, null, null, satisfaction,
                growth);
        TierDecision decision = ScorecardClassifier.classify(List.of(figures), card, 12).get(0);
        assertThat(part(decision, "satisfaction")).isEqualTo(satisfactionPoints);
        assertThat(part(decision, "growth")).isEqualTo(growthPoints);
    }

    @Test
    void without_a_survey_or_last_years_revenue_the_points_without_data_apply() {
        Scorecard card = new Scorecard(List.of(
                new Criterion("satisfaction", Metric.SATISFACTION, true, List.of(new PointBand(new BigDecimal("90"), 50)),
                        0, 5),
                new Criterion("growth", Metric.REVENUE_GROWTH, true, List.of(new PointBand(new BigDecimal("20"), 30)),
                        0, 7)), 80, 50);
        TierDecision decision = ScorecardClassifier.classify(
                List.of(new CustomerFigures(1, BigDecimal.TEN, null, 1, null)), card, 12).get(0);
        assertThat(part(decision, "satisfaction")).isEqualTo(5);
        assertThat(part(decision, "growth")).isEqualTo(7);
    }

    private static TierDecision score(Integer potential, double years) {
        CustomerFigures figures = new CustomerFigures(1, BigDecimal.ZERO, null, 0, null, potential, years);
        return ScorecardClassifier.classify(List.of(figures), CARD, 12).get(0);
    }

    private static int part(TierDecision decision, String criterion) {
        return ((ScorecardExplanation) decision.explanation()).parts().stream()
                .filter(p -> p.criterion().equals(criterion)).findFirst().orElseThrow().points();
    }
}

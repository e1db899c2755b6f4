package com.keyaccount.crm.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.scoring.scorecard.ScorecardExplanation.CriterionScore;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.rules.Criterion;
import com.keyaccount.crm.tier.rules.Metric;
import com.keyaccount.crm.tier.rules.PointBand;
import com.keyaccount.crm.tier.rules.Scorecard;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The seed's scorecard (SPEC "Tier rules" 2) over a 12-month window. */
class ScorecardClassifierTest {

    private static final int WINDOW = 12;

    @ParameterizedTest(name = "monthly sales {0} scores {1}")
    @CsvSource({"20000, 70", "19999.99, 50", "10000, 50", "9999.99, 40", "5000, 40", "4999.99, 30", "0, 30"})
    void monthly_sales_bands_include_their_lower_edge(BigDecimal monthly, int points) {
        TierDecision decision = score(monthly.multiply(BigDecimal.valueOf(WINDOW)), 10.0);
        assertThat(part(decision, "sales").points()).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} days to pay scores {1}")
    @CsvSource({"0, 30", "30, 30", "30.01, 20", "31, 20", "45, 20", "46, 10", "60, 10", "60.5, 0", "61, 0"})
    void payment_bands_include_their_upper_edge(double days, int points) {
        assertThat(part(score(BigDecimal.ZERO, days), "payment").points()).isEqualTo(points);
    }

    @Test
    void exactly_eighty_is_a_and_exactly_sixty_is_b() {
        // 50 (10k/month) + 30 (30 days) = 80
        assertThat(score(monthly(10_000), 30.0).tier()).isEqualTo(Tier.A);
        // 50 + 20 (31 days) = 70
        assertThat(score(monthly(10_000), 31.0).tier()).isEqualTo(Tier.B);
        // 40 (5k/month) + 20 (45 days) = 60
        assertThat(score(monthly(5_000), 45.0).tier()).isEqualTo(Tier.B);
        // 40 + 10 (46 days) = 50 ... and 30 + 20 = 50
        assertThat(score(monthly(5_000), 46.0).tier()).isEqualTo(Tier.C);
        assertThat(score(monthly(4_999), 45.0).tier()).isEqualTo(Tier.C);
    }

    @Test
    void a_customer_without_payment_history_gets_the_configured_default_for_that_criterion() {
        TierDecision decision = score(monthly(20_000), null);
        assertThat(part(decision, "payment")).isEqualTo(new CriterionScore("payment", null, 20));
        assertThat(decision.tier()).isEqualTo(Tier.A); // 70 + 20 = 90
    }

    @Test
    void the_explanation_lists_each_criterion_and_the_bands() {
        ScorecardExplanation explanation = (ScorecardExplanation) score(monthly(10_000), 40.0).explanation();
        assertThat(explanation.total()).isEqualTo(70);
        assertThat(explanation.parts()).extracting(CriterionScore::criterion, CriterionScore::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sales", 50),
                        org.assertj.core.groups.Tuple.tuple("payment", 20));
        assertThat(explanation.minimumForA()).isEqualTo(80);
        assertThat(explanation.minimumForB()).isEqualTo(60);
    }

    @Test
    void bands_out_of_order_and_inverted_tier_bands_are_refused() {
        Criterion outOfOrder = new Criterion("x", Metric.REVENUE, true, List.of(
                new PointBand(BigDecimal.ONE, 10), new PointBand(BigDecimal.TEN, 20)), 0, 0);
        assertThatThrownBy(() -> ScorecardClassifier.classify(List.of(), new Scorecard(List.of(outOfOrder), 80, 60),
                WINDOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScorecardClassifier.classify(List.of(), new Scorecard(Scorecard.DEFAULT.criteria(),
                50, 60), WINDOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScorecardClassifier.classify(List.of(), Scorecard.DEFAULT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BigDecimal monthly(long yuan) {
        return BigDecimal.valueOf(yuan * WINDOW);
    }

    private static TierDecision score(BigDecimal revenue, Double daysToPay) {
        CustomerFigures figures = new CustomerFigures(1, revenue, 3, daysToPay);
        return ScorecardClassifier.classify(List.of(figures), Scorecard.DEFAULT, WINDOW).get(0);
    }

    private static CriterionScore part(TierDecision decision, String criterion) {
        return ((ScorecardExplanation) decision.explanation()).parts().stream()
                .filter(p -> p.criterion().equals(criterion)).findFirst().orElseThrow();
    }
}

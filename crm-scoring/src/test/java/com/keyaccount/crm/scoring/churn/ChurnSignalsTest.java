package com.keyaccount.crm.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.scoring.churn.ChurnSignal.Downgrade;
import com.keyaccount.crm.scoring.churn.ChurnSignal.RevenueDrop;
import com.keyaccount.crm.scoring.churn.ChurnSignal.Silence;
import com.keyaccount.crm.scoring.churn.ChurnSignal.SlowerPayment;
import com.keyaccount.crm.tier.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Default thresholds: revenue −30%, days to pay +15, silence 2 × interval, downgrade within 90 days. */
class ChurnSignalsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final ChurnThresholds T = ChurnThresholds.DEFAULT;

    @Test
    void the_seed_example_fires_revenue_and_payment_with_their_numbers() {
        // 182,000 -> 98,000: drop 84,000 / 182,000 = 46.15% -> 46; days to pay 28 -> 57 (+29 > 15)
        var signals = ChurnSignals.of(figures("182000", "98000", 28.0, 57.0, TODAY.minusDays(3), 7, null), T);
        assertThat(signals).containsExactly(new RevenueDrop(new BigDecimal("182000"), new BigDecimal("98000"), 46),
                new SlowerPayment(28, 57));
    }

    @Test
    void a_drop_of_exactly_the_threshold_does_not_fire_one_cent_more_does() {
        // 100,000 -> 70,000 is exactly 30%; 70,000 - 0.01 is just over
        assertThat(ChurnSignals.of(figures("100000", "70000", null, null, TODAY, 7, null), T)).isEmpty();
        assertThat(ChurnSignals.of(figures("100000", "69999.99", null, null, TODAY, 7, null), T))
                .singleElement().isInstanceOf(RevenueDrop.class);
    }

    @Test
    void no_previous_revenue_means_no_drop_and_growth_never_fires() {
        assertThat(ChurnSignals.of(figures("0", "0", null, null, TODAY, 7, null), T)).isEmpty();
        assertThat(ChurnSignals.of(figures(null, "500", null, null, TODAY, 7, null), T)).isEmpty();
        assertThat(ChurnSignals.of(figures("500", "900", null, null, TODAY, 7, null), T)).isEmpty();
        // everything lost: 100%
        assertThat(ChurnSignals.of(figures("500", null, null, null, TODAY, 7, null), T))
                .containsExactly(new RevenueDrop(new BigDecimal("500"), BigDecimal.ZERO, 100));
    }

    @Test
    void payment_slowing_by_exactly_the_threshold_does_not_fire() {
        assertThat(ChurnSignals.of(figures(null, null, 20.0, 35.0, TODAY, 7, null), T)).isEmpty();
        assertThat(ChurnSignals.of(figures(null, null, 20.0, 35.5, TODAY, 7, null), T))
                .containsExactly(new SlowerPayment(20, 36));
        assertThat(ChurnSignals.of(figures(null, null, null, 80.0, TODAY, 7, null), T)).isEmpty();
    }

    @Test
    void silence_fires_after_more_than_twice_the_interval() {
        // A: every 7 days; 14 days is exactly twice, 15 is more
        assertThat(ChurnSignals.of(figures(null, null, null, null, TODAY.minusDays(14), 7, null), T)).isEmpty();
        assertThat(ChurnSignals.of(figures(null, null, null, null, TODAY.minusDays(15), 7, null), T))
                .containsExactly(new Silence(15, 7, 2));
        // never contacted: counts from creation (2026-01-01 -> 325 days)
        assertThat(ChurnSignals.of(figures(null, null, null, null, null, 30, null), T))
                .containsExactly(new Silence(325, 30, 2));
        // a tier without a minimum cadence is never silent
        assertThat(ChurnSignals.of(figures(null, null, null, null, TODAY.minusDays(400), null, null), T)).isEmpty();
    }

    @Test
    void a_downgrade_within_ninety_days_fires_an_older_one_does_not() {
        assertThat(ChurnSignals.of(figures(null, null, null, null, TODAY, 7, TODAY.minusDays(90)), T))
                .containsExactly(new Downgrade(TODAY.minusDays(90), Tier.A, Tier.B));
        assertThat(ChurnSignals.of(figures(null, null, null, null, TODAY, 7, TODAY.minusDays(91)), T)).isEmpty();
    }

    private static ChurnFigures figures(String previous, String recent, Double payBefore, Double payNow,
            LocalDate lastContact, Integer interval, LocalDate downgradedOn) {
        return new ChurnFigures(1, TODAY, recent == null ? null : new BigDecimal(recent),
                previous == null ? null : new BigDecimal(previous), payNow, payBefore, lastContact,
                LocalDate.of(2026, 1, 1), interval, downgradedOn, downgradedOn == null ? null : Tier.A,
                downgradedOn == null ? null : Tier.B);
    }
}

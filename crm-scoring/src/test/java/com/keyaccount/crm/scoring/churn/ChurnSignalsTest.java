package com.keyaccount.crm.scoring.churn;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.scoring.churn.ChurnSignal.ComplaintOverdue;
import com.keyaccount.crm.scoring.churn.ChurnSignal.Downgrade;
import com.keyaccount.crm.scoring.churn.ChurnSignal.RevenueDrop;
import com.keyaccount.crm.scoring.churn.ChurnSignal.SatisfactionDrop;
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
        assertThat(signals).containsExactly(new RevenueDrop(new BigDecimal("182000"), new BigDecimal("98000"), 46, BigDecimal.ZERO),
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
                .containsExactly(new RevenueDrop(new BigDecimal("500"), BigDecimal.ZERO, 100, BigDecimal.ZERO));
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

    @Test
    void returns_in_the_recent_period_lower_its_net_and_show_in_the_drop() {
        // steady sales of 100,000 a period; recently 100,000 sold and 45,000 returned: net 55,000,
        // drop 45,000 / 100,000 = 45% > 30%
        assertThat(ChurnSignals.of(net("100000", "55000", "-45000"), T)).containsExactly(
                new RevenueDrop(new BigDecimal("100000"), new BigDecimal("55000"), 45, new BigDecimal("-45000")));
        // returns too small to matter: 100,000 -> 80,000 is 20%
        assertThat(ChurnSignals.of(net("100000", "80000", "-20000"), T)).isEmpty();
    }

    @Test
    void a_recent_net_of_zero_or_below_is_a_drop_of_all_of_it_never_more() {
        // 100,000 -> 0: drop 100%; 100,000 -> -20,000 (more returned than sold): still 100%, the figures say how far
        assertThat(ChurnSignals.of(net("100000", "0", "-60000"), T)).singleElement()
                .isEqualTo(new RevenueDrop(new BigDecimal("100000"), BigDecimal.ZERO, 100, new BigDecimal("-60000")));
        assertThat(ChurnSignals.of(net("100000", "-20000", "-20000"), T)).singleElement()
                .isEqualTo(new RevenueDrop(new BigDecimal("100000"), new BigDecimal("-20000"), 100,
                        new BigDecimal("-20000")));
    }

    @Test
    void a_previous_net_of_zero_or_below_has_nothing_to_fall_from() {
        // the previous period's sales were all returned (net 0) or more (net -5,000): no drop, whatever comes after
        assertThat(ChurnSignals.of(net("0", "-30000", "-30000"), T)).isEmpty();
        assertThat(ChurnSignals.of(net("-5000", "-30000", "-30000"), T)).isEmpty();
        assertThat(ChurnSignals.of(net("-5000", "1000", null), T)).isEmpty();
    }

    @Test
    void an_open_complaint_past_its_deadline_fires_at_once_under_the_default() {
        // default: 0 days, so a deadline missed today already counts
        assertThat(ChurnSignals.of(service(new ServiceFigures(1, TODAY, null, null, null)), T))
                .containsExactly(new ComplaintOverdue(1, TODAY, 0));
        assertThat(ChurnSignals.of(service(new ServiceFigures(3, TODAY.minusDays(4), null, null, null)), T))
                .containsExactly(new ComplaintOverdue(3, TODAY.minusDays(4), 4));
        assertThat(ChurnSignals.of(service(ServiceFigures.NONE), T)).isEmpty();
    }

    @Test
    void with_a_minimum_age_a_complaint_fires_from_that_many_days_past_its_deadline_on() {
        ChurnThresholds threeDays = new ChurnThresholds(30, 15, 2, 90, 3, 20);
        assertThat(ChurnSignals.of(service(new ServiceFigures(1, TODAY.minusDays(2), null, null, null)), threeDays))
                .isEmpty();
        assertThat(ChurnSignals.of(service(new ServiceFigures(1, TODAY.minusDays(3), null, null, null)), threeDays))
                .containsExactly(new ComplaintOverdue(1, TODAY.minusDays(3), 3));
    }

    @Test
    void satisfaction_falling_by_more_than_the_threshold_fires_exactly_the_threshold_does_not() {
        // default 20 points: 85 -> 65 is exactly 20; 85 -> 64.9 is 20.1
        LocalDate surveyed = TODAY.minusDays(5);
        assertThat(ChurnSignals.of(service(survey("85.0", "65.0", surveyed)), T)).isEmpty();
        assertThat(ChurnSignals.of(service(survey("85.0", "64.9", surveyed)), T)).containsExactly(
                new SatisfactionDrop(new BigDecimal("85.0"), new BigDecimal("64.9"), new BigDecimal("20.1"), surveyed));
        // a rise, or only one survey, never fires
        assertThat(ChurnSignals.of(service(survey("40.0", "90.0", surveyed)), T)).isEmpty();
        assertThat(ChurnSignals.of(service(survey(null, "10.0", surveyed)), T)).isEmpty();
        // a stricter threshold of 10 points flags 85 -> 70
        assertThat(ChurnSignals.of(service(survey("85.0", "70.0", surveyed)), new ChurnThresholds(30, 15, 2, 90, 0, 10)))
                .singleElement().isInstanceOf(SatisfactionDrop.class);
    }

    @Test
    void the_service_thresholds_have_their_ranges() {
        assertThat(new ChurnThresholds(30, 15, 2, 90, -1, 0).violations())
                .extracting(v -> v.path() + " " + v.code())
                .containsExactly("complaintOverdueDays min", "satisfactionDropPoints min");
        assertThat(new ChurnThresholds(30, 15, 2, 90, 91, 100).violations())
                .extracting(v -> v.path() + " " + v.code())
                .containsExactly("complaintOverdueDays max", "satisfactionDropPoints max");
        assertThat(T.violations()).isEmpty();
        assertThat(T.complaintOverdueDays()).isZero();
        assertThat(T.satisfactionDropPoints()).isEqualTo(20);
    }

    private static ServiceFigures survey(String before, String latest, LocalDate on) {
        return new ServiceFigures(0, null, before == null ? null : new BigDecimal(before), new BigDecimal(latest), on);
    }

    /** Orders, payments and contacts that fire nothing, with {@code service}. */
    private static ChurnFigures service(ServiceFigures service) {
        return new ChurnFigures(1, TODAY, null, null, null, null, null, TODAY, TODAY, 7, null, null, null, service);
    }

    private static ChurnFigures net(String previous, String recent, String creditNotesRecent) {
        return new ChurnFigures(1, TODAY, new BigDecimal(recent), new BigDecimal(previous),
                creditNotesRecent == null ? null : new BigDecimal(creditNotesRecent), null, null, TODAY, TODAY, 7,
                null, null, null);
    }

    private static ChurnFigures figures(String previous, String recent, Double payBefore, Double payNow,
            LocalDate lastContact, Integer interval, LocalDate downgradedOn) {
        return new ChurnFigures(1, TODAY, recent == null ? null : new BigDecimal(recent),
                previous == null ? null : new BigDecimal(previous), null, payNow, payBefore, lastContact,
                LocalDate.of(2026, 1, 1), interval, downgradedOn, downgradedOn == null ? null : Tier.A,
                downgradedOn == null ? null : Tier.B);
    }
}

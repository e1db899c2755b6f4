package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.date;
import static com.keyaccount.crm.tier.Tier.A;
import static com.keyaccount.crm.tier.Tier.B;
import static com.keyaccount.crm.tier.Tier.C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.scoring.schedule.Attainment.Requirement;
import com.keyaccount.crm.scoring.schedule.Attainment.Tally;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttainmentTest {

    private static final VisitQuotas QUOTAS = VisitQuotas.DEFAULT;

    // ---- required contacts in a period

    @ParameterizedTest(name = "{0} [{1}, {2}] → {3} contacts, {4} visits")
    @CsvSource({
        "A, 2026-03-01, 2026-03-30, 4, 1",    // 30 days: 30/7 = 4, 30/30 = 1
        "A, 2026-03-01, 2026-03-28, 4, 0",    // 28 days: 28/7 = 4, 28/30 = 0
        "A, 2026-03-01, 2026-03-27, 3, 0",    // 27 days: 27/7 = 3
        "C, 2026-03-01, 2026-03-31, 1, 0",    // 31 days: 31/30 = 1; C has no visit quota
        "C, 2026-03-01, 2026-03-30, 1, 0",    // 30 days: exactly one interval
        "C, 2026-02-01, 2026-03-01, 0, 0",    // 29 days (Feb 2026 has 28): 29/30 = 0
        "A, 2026-02-01, 2026-03-01, 4, 0",    // the same 29 days: 29/7 = 4
        "B, 2027-01-02, 2027-03-31, 6, 0",    // 30 + 28 + 31 = 89 days: 89/14 = 6, 89/90 = 0
        "B, 2028-01-02, 2028-03-31, 6, 1",    // leap year: 30 + 29 + 31 = 90 days: 90/90 = 1
        "A, 2026-01-01, 2026-12-31, 52, 12",  // 365 days: 365/7 = 52, 365/30 = 12
        "B, 2026-01-01, 2026-12-31, 26, 4",   // 365/14 = 26, 365/90 = 4
        "C, 2026-01-01, 2026-12-31, 12, 0",   // 365/30 = 12
        "A, 2025-12-25, 2026-01-07, 2, 0"})   // 14 days across the year end: 14/7 = 2
    void counts_whole_intervals_in_the_inclusive_period(Tier tier, LocalDate from, LocalDate to, int contacts,
            int visits) {
        assertThat(Attainment.required(tier, QUOTAS, from, to)).isEqualTo(new Requirement(contacts, visits));
    }

    @Test
    void a_single_day_is_a_period_of_one_day() {
        VisitQuotas daily = new VisitQuotas(Map.of(
                A, new TierCadence(Cadence.every(1), Cadence.every(1)),
                B, QUOTAS.of(B), C, QUOTAS.of(C)), 7);
        assertThat(Attainment.required(A, daily, date("2026-03-02"), date("2026-03-02")))
                .isEqualTo(new Requirement(1, 1));
        // one day is less than a week
        assertThat(Attainment.required(A, QUOTAS, date("2026-03-02"), date("2026-03-02")))
                .isEqualTo(new Requirement(0, 0));
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> Attainment.required(A, QUOTAS, date("2026-03-02"), date("2026-03-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- over-servicing

    @ParameterizedTest(name = "C with {0} contacts → {1}")
    @CsvSource({"0, false", "3, false", "4, false", "5, true", "30, true"})
    void c_allows_at_most_four_contacts_in_thirty_days(int contacts, boolean over) {
        assertThat(Attainment.overServiced(C, QUOTAS, contacts)).isEqualTo(over);
    }

    @Test
    void tiers_without_a_maximum_are_never_over_serviced() {
        assertThat(Attainment.overServiced(A, QUOTAS, 1000)).isFalse();
        assertThat(Attainment.overServiced(B, QUOTAS, 1000)).isFalse();
    }

    @Test
    void only_the_any_contact_maximum_counts() {
        VisitQuotas capped = new VisitQuotas(Map.of(
                A, new TierCadence(new Cadence(7, 10), new Cadence(30, 1)),
                B, QUOTAS.of(B), C, QUOTAS.of(C)), 7);
        assertThat(Attainment.overServiced(A, capped, 10)).isFalse();
        assertThat(Attainment.overServiced(A, capped, 11)).isTrue();
        assertThat(Attainment.overServiced(B, capped, 2)).isFalse();
    }

    // ---- tally of a book

    @Test
    void an_empty_tally_has_no_percentage() {
        Tally tally = new Tally();
        assertThat(tally.percent()).isNull();
        assertThat(tally.required()).isZero();
    }

    @Test
    void contacts_where_nothing_was_required_give_no_percentage() {
        Tally tally = new Tally();
        tally.add(0, 5);
        tally.add(0, 0);
        assertThat(tally.percent()).isNull();
        assertThat(tally.made()).isEqualTo(5);
        assertThat(tally.counted()).isZero();
    }

    @Test
    void an_over_serviced_customer_does_not_cover_one_that_waits() {
        Tally tally = new Tally();
        tally.add(4, 10);  // counts 4
        tally.add(4, 0);   // counts 0
        assertThat(tally.required()).isEqualTo(8);
        assertThat(tally.made()).isEqualTo(10);
        assertThat(tally.counted()).isEqualTo(4);
        assertThat(tally.percent()).isEqualTo(50);
    }

    @Test
    void over_servicing_alone_never_passes_one_hundred() {
        Tally tally = new Tally();
        tally.add(2, 9);
        assertThat(tally.percent()).isEqualTo(100);
    }

    @Test
    void customers_with_nothing_required_do_not_dilute_the_percentage() {
        Tally tally = new Tally();
        tally.add(2, 1);
        tally.add(0, 3);
        assertThat(tally.percent()).isEqualTo(50);
    }

    @ParameterizedTest(name = "{1} of {0} → {2}%")
    @CsvSource({
        "3, 2, 66",     // 66.67 rounds down
        "3, 1, 33",     // 33.33
        "200, 199, 99", // 99.5 is not yet 100
        "7, 0, 0",
        "7, 7, 100"})
    void the_percentage_is_rounded_down(int required, int made, int percent) {
        Tally tally = new Tally();
        tally.add(required, made);
        assertThat(tally.percent()).isEqualTo(percent);
    }

    @Test
    void negative_counts_are_refused_and_change_nothing() {
        Tally tally = new Tally();
        tally.add(3, 2);
        assertThatThrownBy(() -> tally.add(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tally.add(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tally.required()).isEqualTo(3);
        assertThat(tally.made()).isEqualTo(2);
        assertThat(tally.counted()).isEqualTo(2);
    }
}

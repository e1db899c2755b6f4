package com.keyaccount.crm.scoring.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScheduleComparisonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 18);

    @Test
    void an_earlier_date_is_earlier_and_nothing_due_counts_as_later_than_any_date() {
        LocalDate d = LocalDate.of(2026, 10, 8);
        assertThat(DueShift.of(d, d.minusDays(1))).isEqualTo(DueShift.EARLIER);
        assertThat(DueShift.of(d, d.plusDays(1))).isEqualTo(DueShift.LATER);
        assertThat(DueShift.of(d, d)).isEqualTo(DueShift.UNCHANGED);
        assertThat(DueShift.of(null, d)).as("gains a due date").isEqualTo(DueShift.EARLIER);
        assertThat(DueShift.of(d, null)).as("loses its due date").isEqualTo(DueShift.LATER);
        assertThat(DueShift.of(null, null)).isEqualTo(DueShift.UNCHANGED);
    }

    @Test
    void counts_per_tier_and_shift_and_customers_turning_overdue_today() {
        ScheduleComparison c = new ScheduleComparison(TODAY, 10);
        c.add(1, Tier.A, date("2026-09-21"), date("2026-09-17")); // earlier, now overdue
        c.add(2, Tier.A, date("2026-09-16"), date("2026-09-14")); // earlier, overdue already
        c.add(3, Tier.A, date("2026-09-21"), date("2026-09-18")); // earlier, due today: not overdue
        c.add(4, Tier.B, date("2026-09-21"), date("2026-09-28")); // later
        c.add(5, Tier.C, null, date("2026-09-01"));               // gains a date, overdue
        c.add(6, Tier.C, date("2026-09-30"), date("2026-09-30")); // unchanged

        assertThat(c.count(Tier.A, DueShift.EARLIER)).isEqualTo(3);
        assertThat(c.count(Tier.B, DueShift.LATER)).isEqualTo(1);
        assertThat(c.count(Tier.C, DueShift.EARLIER)).isEqualTo(1);
        assertThat(c.count(Tier.C, DueShift.UNCHANGED)).isEqualTo(1);
        assertThat(c.total(DueShift.EARLIER)).isEqualTo(4);
        assertThat(c.customers()).isEqualTo(6);
        assertThat(c.newlyOverdue()).isEqualTo(2);
        assertThat(c.sample()).extracting(ScheduleComparison.Moved::customerId).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(c.sampleTruncated()).isFalse();
    }

    @Test
    void the_sample_is_capped_while_the_counts_go_on() {
        ScheduleComparison c = new ScheduleComparison(TODAY, 2);
        for (long id = 1; id <= 1_000; id++) {
            c.add(id, Tier.B, date("2026-10-01"), date("2026-10-02"));
        }
        assertThat(c.sample()).extracting(ScheduleComparison.Moved::customerId).containsExactly(1L, 2L);
        assertThat(c.sampleTruncated()).isTrue();
        assertThat(c.count(Tier.B, DueShift.LATER)).isEqualTo(1_000);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}

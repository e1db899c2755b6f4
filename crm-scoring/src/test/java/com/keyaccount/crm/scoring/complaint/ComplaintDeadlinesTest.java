package com.keyaccount.crm.scoring.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.complaint.rules.TierDeadlines;
import com.keyaccount.crm.complaint.rules.WorkingSpan;
import com.keyaccount.crm.scoring.complaint.ComplaintDeadlines.Deadlines;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deadlines in working time: 09:00–18:00 on working days of the calendar (the default policy). */
class ComplaintDeadlinesTest {

    private static final ServicePolicy POLICY = ServicePolicy.DEFAULT;
    /** 国庆 2026: Oct 1–7 off; Sunday Sep 27 and Saturday Oct 10 are make-up working days. */
    private static final WorkingCalendar NATIONAL_DAY = new WorkingCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10)));

    private static Deadlines due(Tier tier, Severity severity, String received, WorkingCalendar calendar) {
        return ComplaintDeadlines.of(POLICY, tier, severity, LocalDateTime.parse(received), calendar);
    }

    @Test
    void an_a_customer_is_answered_within_four_working_hours_and_resolved_within_two_working_days() {
        // Monday 2026-03-09 10:00
        Deadlines d = due(Tier.A, Severity.MINOR, "2026-03-09T10:00", WorkingCalendar.WEEKDAYS_ONLY);
        assertThat(d.answerBy()).isEqualTo("2026-03-09T14:00");
        assertThat(d.resolveBy()).isEqualTo("2026-03-11T10:00");
    }

    @Test
    void hours_left_at_the_end_of_a_friday_carry_over_the_weekend() {
        Deadlines d = due(Tier.A, Severity.MINOR, "2026-03-13T16:30", WorkingCalendar.WEEKDAYS_ONLY);
        assertThat(d.answerBy()).as("1.5 h on Friday, 2.5 h on Monday").isEqualTo("2026-03-16T11:30");
        assertThat(d.resolveBy()).isEqualTo("2026-03-17T16:30");
    }

    @Test
    void a_complaint_received_at_night_or_on_a_weekend_starts_counting_when_the_next_working_day_starts() {
        assertThat(due(Tier.A, Severity.MINOR, "2026-03-10T21:15", WorkingCalendar.WEEKDAYS_ONLY).answerBy())
                .isEqualTo("2026-03-11T13:00");
        assertThat(due(Tier.A, Severity.MINOR, "2026-03-14T11:00", WorkingCalendar.WEEKDAYS_ONLY).answerBy())
                .as("Saturday").isEqualTo("2026-03-16T13:00");
        assertThat(due(Tier.A, Severity.MINOR, "2026-03-10T07:00", WorkingCalendar.WEEKDAYS_ONLY).answerBy())
                .as("before the day starts").isEqualTo("2026-03-10T13:00");
    }

    @Test
    void the_national_day_holiday_is_skipped_and_a_make_up_saturday_counts() {
        // Wednesday Sep 30, 15:00: B customer, answer within 1 working day = 9 working hours
        Deadlines d = due(Tier.B, Severity.MINOR, "2026-09-30T15:00", NATIONAL_DAY);
        assertThat(d.answerBy()).as("3 h on Sep 30, then nothing until Thursday Oct 8").isEqualTo("2026-10-08T15:00");
        // the same time on the 5th working day after Sep 30: Oct 8, 9, 10 (make-up Saturday), 12, 13
        assertThat(d.resolveBy()).isEqualTo("2026-10-13T15:00");
    }

    @Test
    void a_complaint_received_on_a_holiday_waits_for_the_first_working_day() {
        Deadlines d = due(Tier.A, Severity.MINOR, "2026-10-03T10:00", NATIONAL_DAY);
        assertThat(d.answerBy()).isEqualTo("2026-10-08T13:00");
    }

    @Test
    void critical_halves_the_tier_deadlines_and_c_customers_get_the_longest() {
        Deadlines critical = due(Tier.A, Severity.CRITICAL, "2026-03-09T10:00", WorkingCalendar.WEEKDAYS_ONLY);
        assertThat(critical.answerBy()).isEqualTo("2026-03-09T12:00");
        assertThat(critical.resolveBy()).as("half of 18 working hours").isEqualTo("2026-03-10T10:00");
        Deadlines c = due(Tier.C, Severity.MAJOR, "2026-03-09T10:00", WorkingCalendar.WEEKDAYS_ONLY);
        assertThat(c.answerBy()).isEqualTo("2026-03-11T10:00");
        assertThat(c.resolveBy()).isEqualTo("2026-03-23T10:00");
    }

    @Test
    void a_customer_without_a_tier_is_served_like_a_c_customer() {
        assertThat(due(null, Severity.MINOR, "2026-03-09T10:00", WorkingCalendar.WEEKDAYS_ONLY))
                .isEqualTo(due(Tier.C, Severity.MINOR, "2026-03-09T10:00", WorkingCalendar.WEEKDAYS_ONLY));
    }

    @Test
    void a_deadline_that_ends_exactly_at_the_end_of_the_day_stays_on_that_day() {
        Deadlines d = due(Tier.B, Severity.MINOR, "2026-03-09T09:00", WorkingCalendar.WEEKDAYS_ONLY);
        assertThat(d.answerBy()).isEqualTo("2026-03-09T18:00");
    }

    @Test
    void the_policy_refuses_a_resolution_due_before_the_answer_and_hours_out_of_order() {
        ServicePolicy bad = new ServicePolicy(POLICY.tierC(), POLICY.tierB(),
                new TierDeadlines(
                        WorkingSpan.days(3),
                        WorkingSpan.hours(2)), 100, 100, 5, 18, 9);
        assertThat(bad.violations()).extracting(v -> v.path() + " " + v.code())
                .contains("tierC.resolve resolveBeforeAnswer", "criticalPercent min", "dayEndHour endBeforeStart");
        assertThat(POLICY.violations()).isEmpty();
    }
}

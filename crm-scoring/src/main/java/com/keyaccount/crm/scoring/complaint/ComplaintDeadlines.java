package com.keyaccount.crm.scoring.complaint;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.complaint.rules.TierDeadlines;
import com.keyaccount.crm.complaint.rules.WorkingSpan;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * When a complaint must be answered and resolved: its tier's spans, tightened by its severity,
 * counted in working time from when it was received. Working time is the working days of the
 * holiday calendar between the policy's start and end hour; a complaint received in the evening,
 * on a weekend or a holiday starts counting when the next working day starts. A working day
 * counts as a whole day's hours, so "2 working days" from Monday 10:00 is Wednesday 10:00.
 */
public final class ComplaintDeadlines {

    private ComplaintDeadlines() {
    }

    /** The two deadlines, in the business zone's wall-clock time. */
    public record Deadlines(LocalDateTime answerBy, LocalDateTime resolveBy) {
    }

    public static Deadlines of(ServicePolicy policy, Tier tier, Severity severity, LocalDateTime received,
            WorkingCalendar calendar) {
        TierDeadlines spans = policy.of(tier);
        int percent = policy.percentOf(severity);
        return new Deadlines(after(policy, received, tightened(policy, spans.answer(), percent), calendar),
                after(policy, received, tightened(policy, spans.resolve(), percent), calendar));
    }

    /** The resolution deadline alone, as when a reopened complaint must be resolved again. */
    public static LocalDateTime resolveBy(ServicePolicy policy, Tier tier, Severity severity, LocalDateTime from,
            WorkingCalendar calendar) {
        return of(policy, tier, severity, from, calendar).resolveBy();
    }

    /** A span cut to {@code percent}, rounded up to the minute, never shorter than a minute. */
    static long tightened(ServicePolicy policy, WorkingSpan span, int percent) {
        long minutes = span.minutes(policy.dayMinutes());
        return Math.max(1, (minutes * percent + 99) / 100);
    }

    /** {@code minutes} of working time after {@code from}. */
    static LocalDateTime after(ServicePolicy policy, LocalDateTime from, long minutes, WorkingCalendar calendar) {
        LocalTime start = LocalTime.of(policy.dayStartHour(), 0);
        LocalTime end = policy.dayEndHour() == 24 ? LocalTime.MAX : LocalTime.of(policy.dayEndHour(), 0);
        LocalDateTime cursor = firstWorkingMoment(from, start, end, calendar);
        long left = minutes;
        while (true) {
            LocalDateTime dayEnd = cursor.toLocalDate().atTime(end);
            long available = Duration.between(cursor, dayEnd).toMinutes();
            if (left <= available) {
                return cursor.plusMinutes(left);
            }
            left -= available;
            cursor = nextWorkingDay(cursor.toLocalDate().plusDays(1), calendar).atTime(start);
        }
    }

    private static LocalDateTime firstWorkingMoment(LocalDateTime from, LocalTime start, LocalTime end,
            WorkingCalendar calendar) {
        if (calendar.isWorkingDay(from.toLocalDate()) && !from.toLocalTime().isBefore(end)) {
            return nextWorkingDay(from.toLocalDate().plusDays(1), calendar).atTime(start);
        }
        if (!calendar.isWorkingDay(from.toLocalDate())) {
            return nextWorkingDay(from.toLocalDate(), calendar).atTime(start);
        }
        return from.toLocalTime().isBefore(start) ? from.toLocalDate().atTime(start) : from;
    }

    private static LocalDate nextWorkingDay(LocalDate day, WorkingCalendar calendar) {
        return calendar.onOrNextWorkingDay(day);
    }
}

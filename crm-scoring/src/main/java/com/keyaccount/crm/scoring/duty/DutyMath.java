package com.keyaccount.crm.scoring.duty;

import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** What a role's duties ask of one person in a period, and when a duty falls due. */
public final class DutyMath {

    private DutyMath() {
    }

    /**
     * Visits (or calls) one key account needs from the person in [from, to], both inclusive:
     * floor(days / interval), as the tier quotas count, so a period shorter than the interval
     * owes nothing yet; 0 without an interval.
     */
    public static int required(Integer everyDays, LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        if (everyDays == null) {
            return 0;
        }
        return Math.toIntExact((ChronoUnit.DAYS.between(from, to) + 1) / everyDays);
    }

    /**
     * Days at key accounts [from, to] asks for: each month's figure in proportion to the share of
     * its days the period covers, summed and rounded down — a whole month asks the whole figure, a
     * quarter three times it.
     */
    public static int daysRequired(Integer perMonth, LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        if (perMonth == null || perMonth == 0) {
            return 0;
        }
        double total = 0;
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            LocalDate start = from.isAfter(month.atDay(1)) ? from : month.atDay(1);
            LocalDate end = to.isBefore(month.atEndOfMonth()) ? to : month.atEndOfMonth();
            total += perMonth * (ChronoUnit.DAYS.between(start, end) + 1) / (double) month.lengthOfMonth();
        }
        // a whole month's share is exact in binary only by luck: 1e-9 keeps 10 × 31/31 at 10
        return (int) Math.floor(total + 1e-9);
    }

    /** The working days among {@code days} (the dates of the person's visits at key accounts). */
    public static long workingDays(Collection<LocalDate> days, WorkingCalendar calendar) {
        return days.stream().distinct().filter(calendar::isWorkingDay).count();
    }

    /** When a duty falls due: {@code everyDays} after the last such contact; never contacted, today. */
    public static LocalDate dueOn(LocalDate last, int everyDays, LocalDate today) {
        return last == null ? today : last.plusDays(everyDays);
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("period starts " + from + " after it ends " + to);
        }
    }
}

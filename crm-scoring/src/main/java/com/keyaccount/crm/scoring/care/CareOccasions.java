package com.keyaccount.crm.scoring.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.Optional;

/**
 * When an occasion becomes a care task. A task appears {@code leadDays} before its day and is
 * made on any day of that window, so a job that missed a day (a server down overnight) still
 * makes it; the task's key makes a second making a no-op.
 */
public final class CareOccasions {

    private CareOccasions() {
    }

    /**
     * The day a yearly occasion (a birthday, a wedding or company anniversary) falls on within
     * the window from {@code today} to {@code leadDays} later, if it does. Someone born on 29
     * February is celebrated on the 28th in other years; the original year itself is no occasion.
     */
    public static Optional<LocalDate> yearlyWithin(LocalDate original, LocalDate today, int leadDays) {
        if (original == null) {
            return Optional.empty();
        }
        LocalDate last = today.plusDays(leadDays);
        for (int year = today.getYear(); year <= last.getYear(); year++) {
            LocalDate day = onYear(original, year);
            if (year > original.getYear() && !day.isBefore(today) && !day.isAfter(last)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    static LocalDate onYear(LocalDate original, int year) {
        MonthDay md = MonthDay.from(original);
        if (md.getMonthValue() == 2 && md.getDayOfMonth() == 29 && !Year.isLeap(year)) {
            return LocalDate.of(year, 2, 28);
        }
        return md.atYear(year);
    }

    /** Whether a holiday starting on {@code firstDay} is within the window from today. */
    public static boolean holidayWithin(LocalDate firstDay, LocalDate today, int leadDays) {
        return !firstDay.isBefore(today) && !firstDay.isAfter(today.plusDays(leadDays));
    }

    /**
     * Whether an order earns a thank-you call: it is the customer's first order ever, or it is
     * at least {@code largeOrder}; a credit note or return (not above zero) never does. The call
     * is due the day after the order, and a task is made for orders of the last
     * {@code leadDays} days only, so a sales history imported at once does not flood My day.
     */
    public static boolean thankYouDue(LocalDate orderDate, BigDecimal amount, boolean firstOrder,
            BigDecimal largeOrder, LocalDate today, int leadDays) {
        if (amount == null || amount.signum() <= 0 || orderDate.isAfter(today)
                || orderDate.isBefore(today.minusDays(leadDays))) {
            return false;
        }
        return firstOrder || amount.compareTo(largeOrder) >= 0;
    }

    /** The day a thank-you call is due for an order. */
    public static LocalDate thankYouOn(LocalDate orderDate) {
        return orderDate.plusDays(1);
    }

    /** The unique key of a task: one per customer, contact, occasion and year (or order). */
    public static String key(String occasion, long customerId, Long contactId, String which) {
        return occasion + ":" + customerId + ":" + (contactId == null ? "-" : contactId) + ":" + which;
    }
}

package com.keyaccount.crm.scoring.satisfaction;

import java.time.LocalDate;

/**
 * When a customer is next due for a periodic survey: its tier's interval after the last answer
 * or, for one never asked, after it became a customer; never when its tier is not surveyed.
 */
public final class SurveyDue {

    private SurveyDue() {
    }

    public static LocalDate dueOn(LocalDate lastAnswered, LocalDate knownSince, Integer months) {
        if (months == null) {
            return null;
        }
        return (lastAnswered != null ? lastAnswered : knownSince).plusMonths(months);
    }

    /**
     * The latest day a customer may have last answered (or become known) and be due today, or null
     * when its tier is not surveyed: every earlier day is due too, so a count can compare days.
     * Month ends make it no plain subtraction: answered 31 January, one month on is 28 February.
     */
    public static LocalDate latestBaseDueBy(LocalDate today, Integer months) {
        if (months == null) {
            return null;
        }
        LocalDate base = today.minusMonths(months);
        while (!base.plusDays(1).plusMonths(months).isAfter(today)) {
            base = base.plusDays(1);
        }
        return base;
    }

    public static boolean due(LocalDate lastAnswered, LocalDate knownSince, Integer months, LocalDate today) {
        LocalDate due = dueOn(lastAnswered, knownSince, months);
        return due != null && !due.isAfter(today);
    }
}

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

    public static boolean due(LocalDate lastAnswered, LocalDate knownSince, Integer months, LocalDate today) {
        LocalDate due = dueOn(lastAnswered, knownSince, months);
        return due != null && !due.isAfter(today);
    }
}

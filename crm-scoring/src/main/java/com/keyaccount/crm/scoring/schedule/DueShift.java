package com.keyaccount.crm.scoring.schedule;

import java.time.LocalDate;

/**
 * How a customer's next due date moves when the rules change. "Nothing due" (null) counts as
 * later than any date: gaining a due date is earlier, losing one is later.
 */
public enum DueShift {
    EARLIER,
    LATER,
    UNCHANGED;

    public static DueShift of(LocalDate current, LocalDate proposed) {
        if (current == null) {
            return proposed == null ? UNCHANGED : EARLIER;
        }
        if (proposed == null) {
            return LATER;
        }
        int order = proposed.compareTo(current);
        return order < 0 ? EARLIER : order > 0 ? LATER : UNCHANGED;
    }
}

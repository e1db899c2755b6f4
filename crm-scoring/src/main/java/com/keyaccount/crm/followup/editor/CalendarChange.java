package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.application.CalendarDay;
import java.time.LocalDate;

/**
 * One day of a year in the calendar editor: what is in force ({@code current}, null when the
 * date is not in the calendar) and what the open draft would make of it ({@code proposed}, null
 * when the draft removes it). Without a pending change both are the same.
 */
public record CalendarChange(LocalDate day, CalendarDay current, CalendarDay proposed, boolean pending) {

    public boolean added() {
        return pending && current == null;
    }

    public boolean removed() {
        return pending && proposed == null;
    }

    public boolean changed() {
        return pending && current != null && proposed != null;
    }
}

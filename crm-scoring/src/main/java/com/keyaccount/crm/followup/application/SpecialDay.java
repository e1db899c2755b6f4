package com.keyaccount.crm.followup.application;

import java.time.LocalDate;

/** A contact's birthday or anniversary falling on {@code on}; {@code years} since the original date. */
public record SpecialDay(LocalDate on, Kind kind, long contactId, String contactName, long customerId,
        String customerName, int years) {

    public enum Kind {
        BIRTHDAY,
        ANNIVERSARY
    }
}

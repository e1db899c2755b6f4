package com.keyaccount.crm.prospect.application;

import java.time.LocalDate;

/** Confirms one ladder condition: on which day, with what note, and (decision-maker conditions) whom. */
public record TickCommand(String conditionKey, LocalDate confirmedOn, String note, Long contactId) {
}

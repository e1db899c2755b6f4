package com.keyaccount.crm.followup.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up moved by hand: the customer is due on {@code dueOn} instead of the day the quotas
 * give, until the next contact is logged.
 *
 * @param note  optional free text (required for {@link RescheduleReason#OTHER}), or null
 * @param setBy the display name of who moved it
 */
public record Reschedule(long customerId, LocalDate dueOn, RescheduleReason reason, String note, String setBy,
        Instant setAt) {
}

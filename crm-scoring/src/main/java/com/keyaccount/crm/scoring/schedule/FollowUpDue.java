package com.keyaccount.crm.scoring.schedule;

import java.time.LocalDate;

/**
 * A customer's next due contact.
 *
 * @param dueOn        the business day the next contact is due (never a non-working day unless
 *                     it is an agreed date, which is kept as agreed); null when the tier has no
 *                     minimum cadence and nothing was agreed
 * @param rule         the rule that set {@code dueOn}; null when {@code dueOn} is null
 * @param basisOn      the contact date (or creation date, or upgrade date) the interval counts from
 * @param intervalDays the interval applied, or null for an agreed date
 */
public record FollowUpDue(long customerId, LocalDate dueOn, DueRule rule, LocalDate basisOn, Integer intervalDays) {

    public static FollowUpDue none(long customerId) {
        return new FollowUpDue(customerId, null, null, null, null);
    }
}

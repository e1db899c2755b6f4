package com.keyaccount.crm.scoring.schedule;

import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the schedule of one customer depends on; every date is a business date.
 *
 * @param tier           effective tier now (a not yet classified customer is scheduled as C)
 * @param knownSince     when the customer was created: the basis while there is no contact
 * @param lastContactOn  latest contact of any channel, or null
 * @param lastVisitOn    latest on-site visit, or null
 * @param agreedNextOn   agreed next-contact date of the latest log that set one, or null; it is
 *                       pending only while it is after {@code lastContactOn}
 * @param lastTierMove   latest change of the effective tier, or null
 * @param rescheduledTo  the day the account manager moved the next contact to, or null; it stands
 *                       until the next contact is logged (which removes it)
 */
public record ScheduleInput(long customerId, Tier tier, LocalDate knownSince, LocalDate lastContactOn,
        LocalDate lastVisitOn, LocalDate agreedNextOn, TierMove lastTierMove, LocalDate rescheduledTo) {

    public ScheduleInput {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(knownSince, "knownSince");
    }

    /** Not rescheduled. */
    public ScheduleInput(long customerId, Tier tier, LocalDate knownSince, LocalDate lastContactOn,
            LocalDate lastVisitOn, LocalDate agreedNextOn, TierMove lastTierMove) {
        this(customerId, tier, knownSince, lastContactOn, lastVisitOn, agreedNextOn, lastTierMove, null);
    }
}

package com.keyaccount.crm.scoring.schedule;

import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.customer.NineGridZone;
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
 * @param prospect       for a prospect with a close-time class: that class and its cadence, which
 *                       replace the tier's quotas; null for a customer or an ungraded prospect
 * @param zone           the customer's nine-grid zone ({@link NineGridZone#NONE} outside the zones)
 */
public record ScheduleInput(long customerId, Tier tier, LocalDate knownSince, LocalDate lastContactOn,
        LocalDate lastVisitOn, LocalDate agreedNextOn, TierMove lastTierMove, LocalDate rescheduledTo,
        ProspectCadence prospect, NineGridZone zone) {

    public ScheduleInput {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(knownSince, "knownSince");
        zone = zone == null ? NineGridZone.NONE : zone;
    }

    /** Outside the nine-grid's zones. */
    public ScheduleInput(long customerId, Tier tier, LocalDate knownSince, LocalDate lastContactOn,
            LocalDate lastVisitOn, LocalDate agreedNextOn, TierMove lastTierMove, LocalDate rescheduledTo,
            ProspectCadence prospect) {
        this(customerId, tier, knownSince, lastContactOn, lastVisitOn, agreedNextOn, lastTierMove, rescheduledTo,
                prospect, NineGridZone.NONE);
    }

    /** A customer (or an ungraded prospect), perhaps rescheduled. */
    public ScheduleInput(long customerId, Tier tier, LocalDate knownSince, LocalDate lastContactOn,
            LocalDate lastVisitOn, LocalDate agreedNextOn, TierMove lastTierMove, LocalDate rescheduledTo) {
        this(customerId, tier, knownSince, lastContactOn, lastVisitOn, agreedNextOn, lastTierMove, rescheduledTo,
                null);
    }

    /** Not rescheduled. */
    public ScheduleInput(long customerId, Tier tier, LocalDate knownSince, LocalDate lastContactOn,
            LocalDate lastVisitOn, LocalDate agreedNextOn, TierMove lastTierMove) {
        this(customerId, tier, knownSince, lastContactOn, lastVisitOn, agreedNextOn, lastTierMove, null);
    }

    /**
     * A graded prospect's close-time class and the days between its follow-ups, as the ladder in
     * force sets them.
     */
    public record ProspectCadence(CloseClass closeClass, int everyDays) {

        public ProspectCadence {
            Objects.requireNonNull(closeClass, "closeClass");
            if (everyDays < 1) {
                throw new IllegalArgumentException("a cadence is at least one day");
            }
        }
    }
}

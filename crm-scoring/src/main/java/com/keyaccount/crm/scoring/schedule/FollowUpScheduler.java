package com.keyaccount.crm.scoring.schedule;

import com.keyaccount.crm.customer.NineGridZone;
import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.CadenceBasis;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import java.time.LocalDate;

/**
 * SPEC "跟进计划": next due = the earliest of (last contact + any-contact interval), (last on-site
 * visit + visit interval) and a pending agreed next-contact date. Quota-derived dates that fall
 * on a non-working day move to the next working day; agreed dates are kept as agreed.
 * After an upgrade the shorter interval counts from the last real contact, but a date that would
 * fall before upgrade day + grace is moved to that day (never later than the old tier's date).
 * A downgrade relaxes the schedule at once.
 *
 * <p>On equal dates the agreed date is named first, then the visit quota, then the any-contact
 * quota: a visit also satisfies "any contact", so naming the visit tells the manager more.
 *
 * <p>Grace only ever postpones: should the old tier's date fall before the new tier's own date
 * (possible only with quotas where the better tier is laxer in some group), the new tier's date
 * stands without grace.
 *
 * <p>A follow-up rescheduled by hand is due on the chosen day, whatever the quotas say: the
 * manager has agreed it with the customer or knows why it must wait. Logging a contact removes
 * the new date, and the rules above apply again.
 *
 * <p>A graded prospect is followed up by its close-time class instead of its tier (seed 003,
 * 客户追踪志): last contact (or, never contacted, its creation) + the class's cadence, moved to the
 * next working day like a quota date; an agreed date and a reschedule count as for a customer.
 * It has no visit quota and no upgrade grace: it is re-graded after every follow-up, and the new
 * class applies at once.
 *
 * <p>A customer in a nine-grid zone (issue 16) may have its on-site visits follow the zone's quota
 * ({@link CadenceBasis}): instead of the tier's visit quota ({@code ZONE}), or beside it, whichever
 * falls first ({@code STRICTER}). The tier's "any contact" quota and its upgrade grace apply as
 * before; on equal dates the zone is named, as the more specific rule.
 */
public final class FollowUpScheduler {

    private FollowUpScheduler() {
    }

    public static FollowUpDue nextDue(ScheduleInput input, VisitQuotas quotas, WorkingCalendar calendar) {
        if (input.rescheduledTo() != null) {
            return new FollowUpDue(input.customerId(), input.rescheduledTo(), DueRule.RESCHEDULED, null, null);
        }
        Candidate quota = input.prospect() != null ? prospectCandidate(input, calendar)
                : customerQuota(input, quotas, calendar);
        Candidate chosen = earlier(pendingAgreedDate(input), quota);
        return chosen == null ? FollowUpDue.none(input.customerId()) : chosen.toDue(input.customerId());
    }

    private static Candidate customerQuota(ScheduleInput input, VisitQuotas quotas, WorkingCalendar calendar) {
        TierCadence tier = quotas.of(input.tier());
        boolean zoned = input.zone() != NineGridZone.NONE && quotas.follows() != CadenceBasis.TIER;
        if (zoned && quotas.follows() == CadenceBasis.ZONE) {
            tier = new TierCadence(tier.anyContact(), Cadence.NONE);
        }
        Candidate byTier = withUpgradeGrace(input, quotas, calendar, earliestQuota(input, tier, calendar));
        if (!zoned) {
            return byTier;
        }
        DueRule rule = input.zone() == NineGridZone.RED ? DueRule.RED_ZONE : DueRule.YELLOW_ZONE;
        return earlier(quotaCandidate(rule, quotas.zones().of(input.zone()), input.lastVisitOn(), input, calendar),
                byTier);
    }

    /** The earlier of the two quota dates of {@code cadence}, or null when neither has a minimum. */
    private static Candidate earliestQuota(ScheduleInput input, TierCadence cadence, WorkingCalendar calendar) {
        Candidate visit = quotaCandidate(DueRule.ON_SITE_VISIT, cadence.onSiteVisit(), input.lastVisitOn(),
                input, calendar);
        Candidate any = quotaCandidate(DueRule.ANY_CONTACT, cadence.anyContact(), input.lastContactOn(),
                input, calendar);
        return earlier(visit, any);
    }

    private static Candidate quotaCandidate(DueRule rule, Cadence cadence, LocalDate lastOn, ScheduleInput input,
            WorkingCalendar calendar) {
        if (!cadence.hasMinimum()) {
            return null;
        }
        LocalDate basis = lastOn != null ? lastOn : input.knownSince();
        int interval = cadence.atLeastEveryDays();
        return new Candidate(calendar.onOrNextWorkingDay(basis.plusDays(interval)), rule, basis, interval);
    }

    private static Candidate prospectCandidate(ScheduleInput input, WorkingCalendar calendar) {
        LocalDate basis = input.lastContactOn() != null ? input.lastContactOn() : input.knownSince();
        int interval = input.prospect().everyDays();
        return new Candidate(calendar.onOrNextWorkingDay(basis.plusDays(interval)), DueRule.PROSPECT_CLASS, basis,
                interval);
    }

    private static Candidate pendingAgreedDate(ScheduleInput input) {
        LocalDate agreed = input.agreedNextOn();
        LocalDate lastContact = input.lastContactOn();
        // a contact on or after the agreed date has kept (or overtaken) the appointment
        if (agreed == null || (lastContact != null && !agreed.isAfter(lastContact))) {
            return null;
        }
        return new Candidate(agreed, DueRule.AGREED_DATE, lastContact, null);
    }

    private static Candidate withUpgradeGrace(ScheduleInput input, VisitQuotas quotas, WorkingCalendar calendar,
            Candidate quota) {
        TierMove move = input.lastTierMove();
        if (quota == null || move == null || !move.isUpgrade()) {
            return quota;
        }
        // once someone has been in touch since the upgrade, the new interval counts in full
        if (input.lastContactOn() != null && !move.on().isAfter(input.lastContactOn())) {
            return quota;
        }
        int graceDays = quotas.upgradeGraceDays();
        LocalDate graceEnd = calendar.onOrNextWorkingDay(move.on().plusDays(graceDays));
        if (!quota.dueOn().isBefore(graceEnd)) {
            return quota;
        }
        Candidate old = earliestQuota(input, quotas.of(move.from()), calendar);
        if (old != null && old.dueOn().isBefore(graceEnd)) {
            return old.dueOn().isBefore(quota.dueOn()) ? quota : old;
        }
        return new Candidate(graceEnd, DueRule.UPGRADE_GRACE, move.on(), graceDays);
    }

    /** The earlier of two candidates (either may be null); {@code first} wins a tie. */
    private static Candidate earlier(Candidate first, Candidate second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return second.dueOn().isBefore(first.dueOn()) ? second : first;
    }

    private record Candidate(LocalDate dueOn, DueRule rule, LocalDate basisOn, Integer intervalDays) {

        FollowUpDue toDue(long customerId) {
            return new FollowUpDue(customerId, dueOn, rule, basisOn, intervalDays);
        }
    }
}

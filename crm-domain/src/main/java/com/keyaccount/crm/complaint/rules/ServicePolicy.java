package com.keyaccount.crm.complaint.rules;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.Tier;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds 000/002 「要在规定的时间内给予客户回复」: how soon a complaint is answered and resolved,
 * per tier of the customer, in working time (working days of the holiday calendar, between
 * {@code dayStartHour} and {@code dayEndHour}). Severity tightens it: the deadlines of a
 * complaint are {@code percent} of its tier's (critical: half, by default).
 *
 * <p>Flat rather than maps so the editor's fields, the JSON of a version and the audit's
 * old → new each name one value.
 */
public record ServicePolicy(TierDeadlines tierA, TierDeadlines tierB, TierDeadlines tierC, int minorPercent,
        int majorPercent, int criticalPercent, int dayStartHour, int dayEndHour) {

    /** The defaults: A 4 working hours / 2 working days, B 1 / 5 days, C 2 / 10 days; critical halves. */
    public static final ServicePolicy DEFAULT = new ServicePolicy(
            new TierDeadlines(WorkingSpan.hours(4), WorkingSpan.days(2)),
            new TierDeadlines(WorkingSpan.days(1), WorkingSpan.days(5)),
            new TierDeadlines(WorkingSpan.days(2), WorkingSpan.days(10)), 100, 100, 50, 9, 18);

    /**
     * A customer not yet classified is served as the third tier: nothing has made it a key account
     * yet. The deadlines are set for the top three tiers; a longer ladder serves its fourth and
     * fifth tiers as its third (the editor says so), the least a company answers a customer with.
     */
    public TierDeadlines of(Tier tier) {
        return switch (tier == null ? Tier.C : tier) {
            case A -> tierA;
            case B -> tierB;
            case C, D, E -> tierC;
        };
    }

    public int percentOf(Severity severity) {
        return switch (severity) {
            case MINOR -> minorPercent;
            case MAJOR -> majorPercent;
            case CRITICAL -> criticalPercent;
        };
    }

    /** Working minutes in a working day. */
    public int dayMinutes() {
        return (dayEndHour - dayStartHour) * 60;
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        Violation.range(found, "dayStartHour", dayStartHour, 0, 23);
        Violation.range(found, "dayEndHour", dayEndHour, 1, 24);
        if (found.isEmpty() && dayEndHour <= dayStartHour) {
            found.add(Violation.of("dayEndHour", "endBeforeStart"));
        }
        int day = Math.max(60, dayMinutes());
        tierA.violations(day).forEach(v -> found.add(v.under("tierA")));
        tierB.violations(day).forEach(v -> found.add(v.under("tierB")));
        tierC.violations(day).forEach(v -> found.add(v.under("tierC")));
        // a severity may tighten, never loosen: a minor complaint of an A customer is still an A customer's
        Violation.range(found, "minorPercent", minorPercent, 10, 100);
        Violation.range(found, "majorPercent", majorPercent, 10, 100);
        Violation.range(found, "criticalPercent", criticalPercent, 10, 100);
        return found;
    }
}

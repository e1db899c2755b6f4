package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.date;
import static com.keyaccount.crm.tier.Tier.A;
import static com.keyaccount.crm.tier.Tier.B;
import static com.keyaccount.crm.tier.Tier.C;

import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * Shared by the follow-up tests. Unless a test says otherwise the quotas are the defaults (A any
 * 7 / visit 30, B 14 / 90, C 30 / none, grace 7) and the calendar is Monday to Friday.
 */
final class ScheduleFixtures {

    static final long ID = 42;

    private ScheduleFixtures() {
    }

    static FollowUpDue due(Given given) {
        return due(given, WorkingCalendar.WEEKDAYS_ONLY);
    }

    static FollowUpDue due(Given given, WorkingCalendar calendar) {
        return FollowUpScheduler.nextDue(given.build(), VisitQuotas.DEFAULT, calendar);
    }

    static FollowUpDue due(Given given, VisitQuotas quotas) {
        return FollowUpScheduler.nextDue(given.build(), quotas, WorkingCalendar.WEEKDAYS_ONLY);
    }

    static FollowUpDue expect(String dueOn, DueRule rule, String basisOn, Integer intervalDays) {
        return new FollowUpDue(ID, date(dueOn), rule, basisOn == null ? null : date(basisOn), intervalDays);
    }

    /** The defaults with one tier's cadence replaced. */
    static VisitQuotas quotas(Tier tier, TierCadence cadence) {
        Map<Tier, TierCadence> byTier = new EnumMap<>(VisitQuotas.DEFAULT.byTier());
        byTier.put(tier, cadence);
        return new VisitQuotas(byTier, VisitQuotas.DEFAULT.upgradeGraceDays());
    }

    static VisitQuotas quotas(TierCadence a, TierCadence b, TierCadence c, int graceDays) {
        return new VisitQuotas(Map.of(A, a, B, b, C, c), graceDays);
    }

    /** Known since long ago unless set, so the quotas count from the contacts the test gives. */
    static Given customer(Tier tier) {
        return new Given(tier, date("2020-01-06"), null, null, null, null);
    }

    record Given(Tier tier, LocalDate knownSince, LocalDate contact, LocalDate visit, LocalDate agreed,
            TierMove move) {

        Given knownSince(String day) {
            return new Given(tier, date(day), contact, visit, agreed, move);
        }

        Given contact(String day) {
            return new Given(tier, knownSince, date(day), visit, agreed, move);
        }

        Given visit(String day) {
            return new Given(tier, knownSince, contact, date(day), agreed, move);
        }

        Given agreed(String day) {
            return new Given(tier, knownSince, contact, visit, date(day), move);
        }

        /** The customer reached its current tier on {@code day}, coming from {@code from}. */
        Given movedOn(String day, Tier from) {
            return new Given(tier, knownSince, contact, visit, agreed, new TierMove(date(day), from, tier));
        }

        ScheduleInput build() {
            return new ScheduleInput(ID, tier, knownSince, contact, visit, agreed, move);
        }
    }
}

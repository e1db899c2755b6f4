package com.keyaccount.crm.scoring.schedule;

import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.CHINA;
import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.HOLIDAYS;
import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.MAKE_UP_WORKDAYS;
import static com.keyaccount.crm.scoring.schedule.ChineseCalendar.date;
import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.rules.Cadence;
import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.tier.Tier;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Every day of 2025–2027 as a contact date, against a reference written here: a naive reading of
 * the calendar and a day-by-day walk. Only the blocks in {@link ChineseCalendar} are holidays.
 */
class FollowUpSchedulerPropertyTest {

    private static final LocalDate FIRST = date("2025-01-01");
    private static final LocalDate LAST = date("2027-12-31");
    private static final int[] INTERVALS = {1, 2, 3, 4, 5, 6, 7, 10, 14, 30, 90};

    @Test
    void a_quota_date_is_the_first_working_day_on_or_after_basis_plus_interval() {
        SoftAssertions softly = new SoftAssertions();
        for (int interval : INTERVALS) {
            VisitQuotas quotas = onlyAnyContact(interval);
            for (LocalDate contact = FIRST; !contact.isAfter(LAST); contact = contact.plusDays(1)) {
                FollowUpDue due = FollowUpScheduler.nextDue(
                        new ScheduleInput(1, Tier.A, FIRST.minusYears(1), contact, null, null, null), quotas, CHINA);
                LocalDate earliest = contact.plusDays(interval);
                String where = "contact " + contact + ", interval " + interval + ", due " + due.dueOn();

                softly.assertThat(due.rule()).as(where).isEqualTo(DueRule.ANY_CONTACT);
                softly.assertThat(due.basisOn()).as(where).isEqualTo(contact);
                softly.assertThat(due.intervalDays()).as(where).isEqualTo(interval);
                softly.assertThat(isWorking(due.dueOn())).as(where + ": is a working day").isTrue();
                softly.assertThat(due.dueOn()).as(where).isAfterOrEqualTo(earliest);
                for (LocalDate day = earliest; day.isBefore(due.dueOn()); day = day.plusDays(1)) {
                    softly.assertThat(isWorking(day)).as(where + ": skipped working day " + day).isFalse();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void the_earlier_of_two_quotas_and_a_pending_agreed_date_is_due() {
        SoftAssertions softly = new SoftAssertions();
        VisitQuotas quotas = new VisitQuotas(Map.of(
                Tier.A, new TierCadence(Cadence.every(7), Cadence.every(30)),
                Tier.B, new TierCadence(Cadence.every(14), Cadence.every(90)),
                Tier.C, new TierCadence(Cadence.every(30), Cadence.NONE)), 7);
        int index = 0;
        for (LocalDate contact = FIRST; !contact.isAfter(LAST); contact = contact.plusDays(1), index++) {
            // the visit and agreed offsets cycle, so every weekday meets every combination
            LocalDate visit = contact.minusDays(index % 37);
            LocalDate agreed = index % 5 == 0 ? null : contact.plusDays(index % 11 - 2);
            FollowUpDue due = FollowUpScheduler.nextDue(
                    new ScheduleInput(1, Tier.A, FIRST.minusYears(1), contact, visit, agreed, null), quotas, CHINA);

            LocalDate anyDue = walk(contact.plusDays(7));
            LocalDate visitDue = walk(visit.plusDays(30));
            boolean pending = agreed != null && agreed.isAfter(contact);
            LocalDate expected = visitDue.isAfter(anyDue) ? anyDue : visitDue;
            DueRule rule = visitDue.isAfter(anyDue) ? DueRule.ANY_CONTACT : DueRule.ON_SITE_VISIT;
            if (pending && !agreed.isAfter(expected)) {
                expected = agreed;
                rule = DueRule.AGREED_DATE;
            }
            String where = "contact " + contact + ", visit " + visit + ", agreed " + agreed;
            softly.assertThat(due.dueOn()).as(where).isEqualTo(expected);
            softly.assertThat(due.rule()).as(where).isEqualTo(rule);
            if (rule != DueRule.AGREED_DATE) {
                softly.assertThat(isWorking(due.dueOn())).as(where).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void grace_lies_between_the_new_and_the_old_tiers_dates() {
        SoftAssertions softly = new SoftAssertions();
        int index = 0;
        for (LocalDate move = FIRST; !move.isAfter(LAST); move = move.plusDays(1), index++) {
            LocalDate contact = move.minusDays(1 + index % 23);
            Tier from = index % 2 == 0 ? Tier.B : Tier.C;
            FollowUpDue due = FollowUpScheduler.nextDue(new ScheduleInput(1, Tier.A, FIRST.minusYears(1), contact,
                    contact, null, new TierMove(move, from, Tier.A)), VisitQuotas.DEFAULT, CHINA);

            LocalDate newDate = walk(contact.plusDays(7));  // A's visit (30) is never earlier than 7
            LocalDate oldDate = walk(contact.plusDays(from == Tier.B ? 14 : 30));
            LocalDate graceEnd = walk(move.plusDays(7));
            LocalDate expected = newDate.isBefore(graceEnd) ? (oldDate.isBefore(graceEnd) ? oldDate : graceEnd)
                    : newDate;
            String where = "contact " + contact + ", upgrade from " + from + " on " + move;
            softly.assertThat(due.dueOn()).as(where).isEqualTo(expected);
            softly.assertThat(due.dueOn()).as(where).isAfterOrEqualTo(newDate);
            softly.assertThat(due.dueOn()).as(where).isBeforeOrEqualTo(oldDate);
            softly.assertThat(due.rule()).as(where)
                    .isEqualTo(expected.equals(graceEnd) && newDate.isBefore(graceEnd) ? DueRule.UPGRADE_GRACE
                            : DueRule.ANY_CONTACT);
        }
        softly.assertAll();
    }

    @Test
    void working_days_between_match_a_day_by_day_count() {
        SoftAssertions softly = new SoftAssertions();
        int sinceFirst = 0;
        for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
            softly.assertThat(CHINA.workingDaysBetween(FIRST, day)).as("to " + day).isEqualTo(sinceFirst);
            softly.assertThat(CHINA.workingDaysBetween(day, FIRST)).as("from " + day).isEqualTo(-sinceFirst);
            int ahead = 0;
            for (int k = 1; k <= 21; k++) {
                ahead += isWorking(day.plusDays(k)) ? 1 : 0;
                softly.assertThat(CHINA.workingDaysBetween(day, day.plusDays(k))).as(day + " + " + k)
                        .isEqualTo(ahead);
            }
            softly.assertThat(CHINA.isWorkingDay(day)).as(day.toString()).isEqualTo(isWorking(day));
            sinceFirst += isWorking(day.plusDays(1)) ? 1 : 0;
        }
        softly.assertAll();
    }

    private static VisitQuotas onlyAnyContact(int interval) {
        TierCadence cadence = new TierCadence(Cadence.every(interval), Cadence.NONE);
        return new VisitQuotas(Map.of(Tier.A, cadence, Tier.B, cadence, Tier.C, cadence), 7);
    }

    /** The reference calendar, read straight from the lists. */
    private static boolean isWorking(LocalDate day) {
        if (MAKE_UP_WORKDAYS.contains(day)) {
            return true;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return !HOLIDAYS.contains(day) && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    private static LocalDate walk(LocalDate day) {
        LocalDate candidate = day;
        while (!isWorking(candidate)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}

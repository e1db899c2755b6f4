package com.keyaccount.crm.demo;

import com.keyaccount.crm.followup.rules.TierCadence;
import com.keyaccount.crm.followup.rules.VisitQuotas;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One customer's contact log as a manager who keeps to the visit quotas writes it: over the last
 * quarter each contact comes within the tier's "any contact every N days" of the one before, on a
 * working day, and one is an on-site visit whenever the visit quota would otherwise fall due
 * before the next contact; before that quarter, a contact every two to four months. So the
 * customer's follow-up is due today or later, except for one in twenty of each manager's
 * customers, with whom the manager fell behind: the last contact was the interval plus 2 to 13
 * days ago, so it is a few working days overdue (about two weeks at most). An agreed
 * next-contact date is always kept by the next contact, or lies ahead. Lost customers keep the
 * last contacts from before they were lost.
 */
final class DemoContactHistory {

    /** The last quarter: this month's and last month's attainment are whole. */
    static final int QUOTA_DAYS = 91;
    /** Of every so many customers of a manager (not lost), one is overdue: 5%. */
    static final int ONE_LATE_IN = 20;
    private static final String[] NOT_VISITS = {"PHONE", "PHONE", "WECHAT", "WECHAT", "WECHAT", "EMAIL", "SMS",
        "MEETING"};

    private final SplittableRandom random;
    private final LocalDate today;
    private final ZoneId zone;
    private final VisitQuotas quotas;
    private final WorkingCalendar calendar;
    /** Per manager: customers planned so far and which one of the current twenty falls behind. */
    private final Map<Long, int[]> lateByManager = new HashMap<>();

    DemoContactHistory(SplittableRandom random, LocalDate today, ZoneId zone, VisitQuotas quotas,
            WorkingCalendar calendar) {
        this.random = random;
        this.today = today;
        this.zone = zone;
        this.quotas = quotas;
        this.calendar = calendar;
    }

    void write(long customerId, long authorId, DemoLifecycle lifecycle, Tier tier, Consumer<Object[]> sink) {
        List<LocalDate> days = new ArrayList<>();
        BitSet visits = new BitSet();
        boolean late = false;
        if (lifecycle == DemoLifecycle.LOST) {
            for (int n = random.nextInt(3); n > 0; n--) {
                days.add(today.minusDays(200 + random.nextInt(160)));
            }
            days.sort(null);
        } else {
            late = fallsBehind(authorId);
            plan(quotas.of(tier), late, days, visits);
        }
        for (int n = 0; n < days.size(); n++) {
            boolean agrees = random.nextInt(4) == 0 && lifecycle != DemoLifecycle.LOST;
            String channel = visits.get(n) ? "VISIT" : NOT_VISITS[random.nextInt(NOT_VISITS.length)];
            sink.accept(log(customerId, authorId, days.get(n), channel, agrees ? agreed(days, n, late) : null));
        }
    }

    /**
     * The next contact agreed at contact {@code n}: the day of the next one, which keeps it; after
     * the last, a working day in the coming ten (none where the manager fell behind, whose
     * customer is overdue by the quota already).
     */
    private LocalDate agreed(List<LocalDate> days, int n, boolean late) {
        if (n < days.size() - 1) {
            return days.get(n + 1);
        }
        return late ? null : calendar.onOrNextWorkingDay(today.plusDays(random.nextInt(10)));
    }

    /**
     * Whether the manager fell behind with this customer: one at random in each twenty of theirs,
     * so every manager's day has its few overdue customers, not some none and others many.
     */
    private boolean fallsBehind(long managerId) {
        int[] seenAndSlot = lateByManager.computeIfAbsent(managerId, id -> new int[2]);
        if (seenAndSlot[0] % ONE_LATE_IN == 0) {
            seenAndSlot[1] = random.nextInt(ONE_LATE_IN);
        }
        return seenAndSlot[0]++ % ONE_LATE_IN == seenAndSlot[1];
    }

    /** The days of contact, oldest first, with the on-site visits marked. */
    private void plan(TierCadence cadence, boolean late, List<LocalDate> days, BitSet visits) {
        Integer anyEvery = cadence.anyContact().atLeastEveryDays();
        int every = anyEvery == null ? 30 : anyEvery;
        Integer visitEvery = cadence.onSiteVisit().atLeastEveryDays();
        LocalDate quarter = today.minusDays(QUOTA_DAYS);
        LocalDate day = today.minusDays(290 + random.nextInt(70));
        while (day.isBefore(quarter.minusDays(3))) {
            add(days, visits, day, random.nextInt(4) == 0);
            day = onOrBeforeWorkingDay(day.plusDays(55 + random.nextInt(70)), day);
        }
        // the last contact: yesterday at the latest, or for one fallen behind the one that made it overdue
        LocalDate lastDay = today.minusDays(1);
        if (late) {
            LocalDate due = today.minusDays(2 + random.nextInt(12));
            while (!calendar.isWorkingDay(due)) {
                due = due.minusDays(1);
            }
            lastDay = due.minusDays(every);
        }
        LocalDate lastVisit = lastVisit(days, visits);
        day = onOrBeforeWorkingDay(quarter.plusDays(random.nextInt(every)), quarter.minusDays(3));
        while (!day.isAfter(lastDay)) {
            lastVisit = visit(days, visits, day, lastVisit, visitEvery, every);
            LocalDate next = day.plusDays(every - random.nextInt(every * 2 / 5 + 1));
            day = onOrBeforeWorkingDay(next, day);
        }
        if (late && (days.isEmpty() || days.get(days.size() - 1).isBefore(lastDay))) {
            visit(days, visits, lastDay, lastVisit, visitEvery, every);
        }
    }

    /** Adds a contact on {@code day}, an on-site visit when the visit quota would fall due before the next. */
    private LocalDate visit(List<LocalDate> days, BitSet visits, LocalDate day, LocalDate lastVisit,
            Integer visitEvery, int every) {
        boolean needed = visitEvery != null
                && (lastVisit == null || lastVisit.plusDays(visitEvery).isBefore(day.plusDays(every)));
        boolean visit = needed || random.nextInt(12) == 0;
        add(days, visits, day, visit);
        return visit ? day : lastVisit;
    }

    private static void add(List<LocalDate> days, BitSet visits, LocalDate day, boolean visit) {
        visits.set(days.size(), visit);
        days.add(day);
    }

    private static LocalDate lastVisit(List<LocalDate> days, BitSet visits) {
        int last = visits.previousSetBit(days.size() - 1);
        return last < 0 ? null : days.get(last);
    }

    /** The working day on or before {@code day} and after {@code after}, else {@code day} itself. */
    private LocalDate onOrBeforeWorkingDay(LocalDate day, LocalDate after) {
        for (LocalDate d = day; d.isAfter(after); d = d.minusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                return d;
            }
        }
        return day;
    }

    private Object[] log(long customerId, long authorId, LocalDate day, String channel, LocalDate agreed) {
        OffsetDateTime occurred = day.atTime(LocalTime.of(9 + random.nextInt(9), random.nextInt(60)))
                .atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        return new Object[] {customerId, authorId, channel, occurred, pick(DemoWords.SUMMARIES.get(channel)),
            pick(DemoWords.OUTCOMES), pick(DemoWords.NEXT_STEPS), agreed,
            new UUID(random.nextLong(), random.nextLong()).toString(), occurred};
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}

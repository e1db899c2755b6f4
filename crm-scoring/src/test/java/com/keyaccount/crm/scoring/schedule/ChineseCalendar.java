package com.keyaccount.crm.scoring.schedule;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Real State Council arrangements for the holiday blocks the tests use: 国庆 2025, 元旦, 春节 and
 * 国庆 2026. Other 2025/2026 holidays (清明, 劳动节, 端午, 中秋) are deliberately left out, so
 * hand-worked expectations only need to know these blocks; it is not a complete calendar.
 */
final class ChineseCalendar {

    static final Set<LocalDate> HOLIDAYS = union(
            range("2025-10-01", "2025-10-08"),  // 国庆 + 中秋 2025, Wed..Wed
            range("2026-01-01", "2026-01-03"),  // 元旦 2026, Thu..Sat
            range("2026-02-15", "2026-02-23"),  // 春节 2026, Sun..Mon (初一 is Tue 2026-02-17)
            range("2026-10-01", "2026-10-07")); // 国庆 2026, Thu..Wed

    static final Set<LocalDate> MAKE_UP_WORKDAYS = Set.of(
            LocalDate.parse("2025-09-28"),  // Sunday
            LocalDate.parse("2025-10-11"),  // Saturday
            LocalDate.parse("2026-01-04"),  // Sunday
            LocalDate.parse("2026-02-14"),  // Saturday
            LocalDate.parse("2026-02-28"),  // Saturday
            LocalDate.parse("2026-09-20"),  // Sunday
            LocalDate.parse("2026-10-10")); // Saturday

    static final WorkingCalendar CHINA = new WorkingCalendar(HOLIDAYS, MAKE_UP_WORKDAYS);

    private ChineseCalendar() {
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Set<LocalDate> range(String first, String last) {
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate day = date(first); !day.isAfter(date(last)); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    @SafeVarargs
    private static Set<LocalDate> union(Set<LocalDate>... sets) {
        Set<LocalDate> all = new HashSet<>();
        for (Set<LocalDate> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}

package com.keyaccount.crm.followup.application;

import java.time.LocalDate;
import java.util.List;

/** Everything on one account manager's My day; the three due sections are narrowed to {@code filter}. */
public record MyDayView(long ownerId, LocalDate today, boolean workingDay, DueFilter filter, FilterCounts counts,
        DueSection overdue, DueSection dueToday, DueSection thisWeek, List<SpecialDay> specialDays,
        int specialDaysTotal, List<CalendarDay> calendarDays, List<ProfileToVerify> profilesToVerify,
        long profilesToVerifyTotal) {
}

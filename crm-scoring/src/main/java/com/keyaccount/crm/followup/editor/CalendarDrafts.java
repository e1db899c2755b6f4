package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.application.BusinessCalendar;
import com.keyaccount.crm.followup.application.CalendarDay;
import com.keyaccount.crm.policy.Draft;
import com.keyaccount.crm.policy.Drafting;
import com.keyaccount.crm.policy.PolicyDrafts;
import com.keyaccount.crm.preview.application.SchedulePreview;
import com.keyaccount.crm.preview.application.SchedulePreviews;
import com.keyaccount.crm.user.Viewer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The holiday-calendar editor's use cases: the draft model of {@link PolicyDrafts} with one
 * draft at a time, edited a day at a time, previewed by the follow-up schedule it would give,
 * and published in one transaction, after which every customer's next due date is refreshed.
 */
@Service
public class CalendarDrafts {

    private final JdbcTemplate jdbc;
    private final BusinessCalendar calendar;
    private final SchedulePreviews previews;
    private final PolicyDrafts<CalendarChanges> drafts;

    CalendarDrafts(JdbcTemplate jdbc, BusinessCalendar calendar, SchedulePreviews previews, CalendarDraftStore store,
            CalendarPublication publication, Drafting drafting) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.previews = previews;
        this.drafts = drafting.of("change the business calendar", store, publication);
    }

    public Optional<Draft<CalendarChanges>> openDraft() {
        return drafts.all().stream().findFirst();
    }

    public Optional<Draft<CalendarChanges>> find(long id) {
        return drafts.find(id);
    }

    /** The year's days as in force, with the draft's pending changes (if {@code draftId} is given), by date. */
    public List<CalendarChange> year(int year, Long draftId) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Map<LocalDate, CalendarDay> current = new HashMap<>();
        calendar.between(from, to).forEach(d -> current.put(d.day(), d));
        CalendarChanges changes = draftId == null ? CalendarChanges.NONE
                : find(draftId).map(Draft::content).orElse(CalendarChanges.NONE);
        SortedSet<LocalDate> touched = changes.dates().subSet(from, to.plusDays(1));
        SortedSet<LocalDate> days = new TreeSet<>(current.keySet());
        days.addAll(touched);
        return days.stream().map(day -> {
            CalendarDay now = current.get(day);
            return touched.contains(day) ? new CalendarChange(day, now, changes.puts().get(day), true)
                    : new CalendarChange(day, now, now, false);
        }).toList();
    }

    /** The day on {@code date} as the draft would leave it (the one in force when the draft does not touch it). */
    public Optional<CalendarDay> proposedDay(long draftId, LocalDate date) {
        CalendarChanges changes = find(draftId).map(Draft::content).orElse(CalendarChanges.NONE);
        if (changes.removals().contains(date)) {
            return Optional.empty();
        }
        return Optional.ofNullable(changes.puts().get(date)).or(() -> inForce(date));
    }

    /** Years the editor offers: those in the calendar, and last year to two years ahead of {@code today}. */
    public List<Integer> years(LocalDate today) {
        List<Integer> present = jdbc.queryForList("SELECT MIN(calendar_date) FROM calendar_day UNION ALL "
                + "SELECT MAX(calendar_date) FROM calendar_day", LocalDate.class).stream().filter(Objects::nonNull)
                .map(LocalDate::getYear).toList();
        int from = present.stream().reduce(today.getYear() - 1, Math::min);
        int to = present.stream().reduce(today.getYear() + 2, Math::max);
        List<Integer> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            years.add(year);
        }
        return years;
    }

    /** @throws com.keyaccount.crm.policy.DraftAlreadyOpenException when a draft is open already */
    public long start(Viewer viewer) {
        return drafts.open(viewer, null);
    }

    /** Adds the day or replaces it, in the draft; the caller has checked it. Putting back the day in force undoes. */
    public void put(Viewer viewer, long draftId, CalendarDay day) {
        drafts.edit(viewer, draftId, changes -> inForce(day.day()).filter(day::equals).isPresent()
                ? changes.undo(day.day()) : changes.put(day));
    }

    /** Takes the day out of the calendar, in the draft (a day only the draft added is simply dropped). */
    public void remove(Viewer viewer, long draftId, LocalDate day) {
        drafts.edit(viewer, draftId, changes -> inForce(day).isPresent() ? changes.remove(day) : changes.undo(day));
    }

    /** Drops the draft's change of that day: the day stays as in force. */
    public void undo(Viewer viewer, long draftId, LocalDate day) {
        drafts.edit(viewer, draftId, changes -> changes.undo(day));
    }

    public SchedulePreview preview(Draft<CalendarChanges> draft, Long manager) {
        return drafts.preview(() -> previews.ofCalendar(draft.content().applyTo(calendar.workingCalendar()),
                manager));
    }

    /** @return how many days changed */
    public int publish(Viewer viewer, long draftId) {
        return drafts.publish(viewer, draftId, null).changes().size();
    }

    public void discard(Viewer viewer, long draftId) {
        drafts.discard(viewer, draftId);
    }

    private Optional<CalendarDay> inForce(LocalDate date) {
        return calendar.between(date, date).stream().findFirst();
    }
}

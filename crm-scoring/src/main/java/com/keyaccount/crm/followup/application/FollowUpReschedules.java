package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.contactlog.ContactLogged;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.scoring.schedule.WorkingCalendar;
import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Snooze: an account manager moves a customer's next contact to a chosen working day, with a
 * reason. The schedule then shows the customer under that day (not overdue before it) until the
 * next contact is logged, which removes the new day. Every change is audited as a change of the
 * record type {@value #ENTITY} (old → new day, reason and note).
 */
@Service
@Transactional(readOnly = true)
public class FollowUpReschedules {

    static final String ENTITY = "FollowUpReschedule";
    /** How far ahead a follow-up may be moved: two months of calendar, enough for a holiday season. */
    public static final int MAX_DAYS_AHEAD = 60;
    /** The note's column width. */
    public static final int NOTE_LENGTH = 200;

    private final CustomerService customers;
    private final RescheduleStore store;
    private final FollowUpSchedule schedule;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    FollowUpReschedules(CustomerService customers, RescheduleStore store, FollowUpSchedule schedule,
            BusinessCalendar calendar, AuditTrail audit, Clock clock, ZoneId businessZone) {
        this.customers = customers;
        this.store = store;
        this.schedule = schedule;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** What to move a follow-up to. */
    public record RescheduleCommand(LocalDate dueOn, RescheduleReason reason, String note) {
    }

    /** What the audit log compares; the names are the fields the log shows (public: read by reflection). */
    public record Audited(LocalDate rescheduledTo, RescheduleReason rescheduleReason, String rescheduleNote) {

        static final Audited NONE = new Audited(null, null, null);

        static Audited of(Reschedule r) {
            return new Audited(r.dueOn(), r.reason(), r.note());
        }
    }

    /** The days a follow-up may be moved to: from today to {@value #MAX_DAYS_AHEAD} days ahead. */
    public record Window(LocalDate first, LocalDate last, LocalDate suggested) {
    }

    public Window window() {
        return window(calendar.workingCalendar());
    }

    private Window window(WorkingCalendar working) {
        LocalDate today = today();
        return new Window(today, today.plusDays(MAX_DAYS_AHEAD), working.onOrNextWorkingDay(today.plusDays(1)));
    }

    /**
     * What is wrong with the command, by field ({@code dueOn}, {@code reason}, {@code note}):
     * required, a day in the past, beyond {@value #MAX_DAYS_AHEAD} days (args: the last day
     * allowed and the number of days), not a working day (args: the day), a note too long or
     * missing for "other".
     */
    public List<Violation> check(RescheduleCommand command) {
        List<Violation> problems = new ArrayList<>();
        WorkingCalendar working = calendar.workingCalendar();
        Window window = window(working);
        LocalDate day = command.dueOn();
        if (day == null) {
            problems.add(Violation.of("dueOn", "required"));
        } else if (day.isBefore(window.first())) {
            problems.add(Violation.of("dueOn", "past"));
        } else if (day.isAfter(window.last())) {
            problems.add(Violation.of("dueOn", "tooFar", window.last(), MAX_DAYS_AHEAD));
        } else if (!working.isWorkingDay(day)) {
            problems.add(Violation.of("dueOn", "notWorkingDay", day));
        }
        if (command.reason() == null) {
            problems.add(Violation.of("reason", "required"));
        }
        String note = note(command);
        if (note != null && note.length() > NOTE_LENGTH) {
            problems.add(Violation.of("note", "tooLong", NOTE_LENGTH));
        } else if (note == null && command.reason() != null && command.reason().needsNote()) {
            problems.add(Violation.of("note", "required"));
        }
        return problems;
    }

    /**
     * Moves the customer's next contact, if the viewer may see the customer (otherwise "not
     * found", as for a missing one); the schedule follows in the same transaction.
     *
     * @throws RescheduleRejectedException when {@link #check} finds anything; nothing is written
     */
    @Transactional
    public Reschedule reschedule(Viewer viewer, long customerId, RescheduleCommand command) {
        customers.get(viewer, customerId);
        List<Violation> problems = check(command);
        if (!problems.isEmpty()) {
            throw new RescheduleRejectedException(problems);
        }
        Audited before = store.find(customerId).map(Audited::of).orElse(Audited.NONE);
        store.put(customerId, command.dueOn(), command.reason(), note(command), viewer.userId(), clock.instant());
        Reschedule now = store.find(customerId).orElseThrow();
        audit.changed(viewer.username(), ENTITY, customerId, customerId, before, Audited.of(now));
        schedule.refresh(List.of(customerId));
        return now;
    }

    /** The customer's rescheduled follow-up, for a customer the caller obtained from {@link CustomerService#get}. */
    public Optional<Reschedule> of(Customer visible) {
        return store.find(visible.getId());
    }

    /**
     * A new contact log ends the reschedule: the contact it waited for has happened. Runs before
     * {@link FollowUpSchedule}'s own listener (which has no order, so comes last), in the
     * transaction of the log, so the schedule is computed without the removed day.
     */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    public void on(ContactLogged event) {
        store.find(event.customerId()).ifPresent(removed -> {
            store.remove(event.customerId());
            audit.changed(event.author(), ENTITY, event.customerId(), event.customerId(), Audited.of(removed),
                    Audited.NONE);
        });
    }

    private static String note(RescheduleCommand command) {
        String note = command.note();
        return note == null || note.isBlank() ? null : note.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}

package com.keyaccount.crm.lost.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.lost.application.CustomerLoss.ComeBack;
import com.keyaccount.crm.shared.FiguresChanged;
import com.keyaccount.crm.user.Viewer;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lost customers (丢失客户访谈, seed 001): marking one lost takes a structured reason (a
 * competitor named) and schedules an interview for its owner, which is recorded with what the
 * customer said: which competitor it moved to, why, and whether it could come back.
 */
@Service
@Transactional(readOnly = true)
public class LostCustomers {

    static final String ENTITY = "CustomerLoss";
    /** The interview is due this many days after the loss unless the user picks a day. */
    public static final int INTERVIEW_AFTER_DAYS = 7;
    public static final int MY_DAY_ROWS = 10;

    private final JdbcClient jdbc;
    private final CustomerLossStore store;
    private final CustomerService customers;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;
    /** Losses recorded or closed here move the dashboard's retention card. */
    private final ApplicationEventPublisher events;

    LostCustomers(JdbcClient jdbc, CustomerLossStore store, CustomerService customers, AuditTrail audit, Clock clock,
            ZoneId businessZone, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.store = store;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** What the user said about a loss. */
    public record Reason(LossReason reason, String competitor, String note, LocalDate interviewOn) {
    }

    /**
     * Marks the customer lost with its reason and schedules the interview, in one transaction.
     *
     * @throws LossRejectedException for a missing competitor or note, a past interview day or a customer already lost
     */
    @Transactional
    public long markLost(Viewer viewer, long customerId, Reason why) {
        Customer customer = customers.get(viewer, customerId);
        if (customer.getStatus() == CustomerStatus.LOST) {
            throw new LossRejectedException(null, "alreadyLost");
        }
        if (why.reason() == null) {
            throw new LossRejectedException("reason", "required");
        }
        String competitor = blankToNull(why.competitor());
        String note = blankToNull(why.note());
        if (why.reason() == LossReason.COMPETITOR && competitor == null) {
            throw new LossRejectedException("competitor", "required");
        }
        if (why.reason() == LossReason.OTHER && note == null) {
            throw new LossRejectedException("note", "required");
        }
        LocalDate today = today();
        LocalDate interviewOn = why.interviewOn() == null ? today.plusDays(INTERVIEW_AFTER_DAYS) : why.interviewOn();
        if (interviewOn.isBefore(today)) {
            throw new LossRejectedException("interviewOn", "past");
        }
        String tier = jdbc.sql("SELECT effective_tier FROM customer_tier WHERE customer_id = ?").params(customerId)
                .query(String.class).optional().orElse(null);
        String words = Stream.of(why.reason().chinese(), competitor, note).filter(s -> s != null)
                .collect(Collectors.joining("：", "", ""));
        customers.markLost(viewer, customerId, words.length() > 500 ? words.substring(0, 500) : words);
        long id = store.add(customerId, today, why.reason(), competitor, note, customer.getOwner().getId(), tier,
                viewer.username(), clock.instant(), interviewOn);
        audit.created(viewer.username(), ENTITY, id, customerId, "lossReason", why.reason().name());
        if (competitor != null) {
            audit.fieldChanged(viewer.username(), ENTITY, id, customerId, "competitor", null, competitor);
        }
        audit.fieldChanged(viewer.username(), ENTITY, id, customerId, "interviewDueOn", null, interviewOn);
        return id;
    }

    /** The customer's open loss (it is lost now), if the viewer may see the customer. */
    public Optional<CustomerLoss> current(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        return jdbc.sql("SELECT " + CustomerLoss.COLUMNS + " FROM " + CustomerLoss.FROM
                + " WHERE l.open_customer_id = ?").params(customerId).query((rs, n) -> CustomerLoss.of(rs)).optional();
    }

    /** The open loss of a customer the caller has already checked the viewer may see. */
    public Optional<CustomerLoss> currentOf(long customerId) {
        return jdbc.sql("SELECT " + CustomerLoss.COLUMNS + " FROM " + CustomerLoss.FROM
                + " WHERE l.open_customer_id = ?").params(customerId).query((rs, n) -> CustomerLoss.of(rs)).optional();
    }

    /** What the interview found. */
    public record Interview(LocalDate on, String competitor, String why, ComeBack comeBack, String notes) {
    }

    @Transactional
    public void recordInterview(Viewer viewer, long customerId, long version, Interview interview) {
        CustomerLoss loss = current(viewer, customerId).orElseThrow(() -> new LossRejectedException(null, "notLost"));
        if (interview.on() == null) {
            throw new LossRejectedException("on", "required");
        }
        if (interview.on().isAfter(today())) {
            throw new LossRejectedException("on", "future");
        }
        if (interview.comeBack() == null) {
            throw new LossRejectedException("comeBack", "required");
        }
        String notes = blankToNull(interview.notes());
        String why = blankToNull(interview.why());
        if (why == null && notes == null) {
            throw new LossRejectedException("why", "required");
        }
        if (!store.interviewed(loss.id(), version, interview.on(), blankToNull(interview.competitor()), why,
                interview.comeBack().name(), notes, viewer.username())) {
            throw new LossRejectedException(null, "stale");
        }
        audit.fieldChanged(viewer.username(), ENTITY, loss.id(), customerId, "interviewDoneOn", null, interview.on());
        audit.fieldChanged(viewer.username(), ENTITY, loss.id(), customerId, "comeBack", null,
                interview.comeBack().name());
        if (interview.competitor() != null && !interview.competitor().isBlank()) {
            audit.fieldChanged(viewer.username(), ENTITY, loss.id(), customerId, "interviewCompetitor", null,
                    interview.competitor().strip());
        }
    }

    /** The owner's interviews not yet held, soonest first (My day). */
    public List<CustomerLoss> interviewsDue(long ownerId) {
        return jdbc.sql("SELECT " + CustomerLoss.COLUMNS + " FROM " + CustomerLoss.FROM
                + " WHERE l.owner_id = ? AND l.interview_done_on IS NULL AND l.interview_due_on IS NOT NULL"
                + " AND l.open_customer_id IS NOT NULL AND c.owner_id = l.owner_id"
                + " ORDER BY l.interview_due_on, l.id LIMIT ?")
                .params(ownerId, MY_DAY_ROWS).query((rs, n) -> CustomerLoss.of(rs)).list();
    }

    /** Losses in a period, newest first, of the books the viewer sees. */
    public List<CustomerLoss> lostBetween(Viewer viewer, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + CustomerLoss.COLUMNS + " FROM " + CustomerLoss.FROM
                + " WHERE c.deleted = FALSE AND l.lost_on BETWEEN ? AND ? AND " + viewer.scope().sql("c.owner_id")
                + " ORDER BY l.lost_on DESC, l.id DESC")
                .params(List.of(Date.valueOf(from), Date.valueOf(to)))
                .query((rs, n) -> CustomerLoss.of(rs)).list();
    }

    /**
     * Records losses made elsewhere and closes those won back; see {@link CustomerLossStore#catchUp}.
     * Each statement stands alone: when another instance recorded the same loss a moment before,
     * the unique open loss refuses the second and there is nothing left to do.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int catchUp() {
        try {
            int changed = store.catchUp(today(), clock.instant());
            if (changed > 0) {
                events.publishEvent(new FiguresChanged("losses caught up"));
            }
            return changed;
        } catch (org.springframework.dao.DataIntegrityViolationException alreadyRecorded) {
            return 0;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.complaint.Complaint;
import com.keyaccount.crm.complaint.ComplaintConfirmed;
import com.keyaccount.crm.complaint.ComplaintNotFoundException;
import com.keyaccount.crm.complaint.ComplaintRefusedException;
import com.keyaccount.crm.complaint.ComplaintRepository;
import com.keyaccount.crm.complaint.ComplaintStatus;
import com.keyaccount.crm.complaint.StaleComplaintException;
import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.ContactRepository;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerNotFoundException;
import com.keyaccount.crm.customer.CustomerRepository;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.followup.application.BusinessCalendar;
import com.keyaccount.crm.scoring.complaint.ComplaintDeadlines;
import com.keyaccount.crm.scoring.complaint.ComplaintDeadlines.Deadlines;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and handling complaints: whoever may see the customer records one (or the ERP /
 * service desk, through the API), its deadlines computed from the service policy in force, the
 * customer's tier and the severity in working time; each later step (answer, resolve, confirm,
 * reopen) is taken against the version the user saw, so a step taken meanwhile by someone else
 * is never overwritten. Every step is audited in words (status old → new, and its text).
 */
@Service
@Transactional(readOnly = true)
public class Complaints {

    static final String ENTITY = "Complaint";

    private final CustomerService customers;
    private final CustomerRepository customerRows;
    private final ContactRepository contacts;
    private final ComplaintRepository complaints;
    private final ServicePolicyVersions policies;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final ComplaintQueries queries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    Complaints(CustomerService customers, CustomerRepository customerRows, ContactRepository contacts,
            ComplaintRepository complaints, ServicePolicyVersions policies, BusinessCalendar calendar, AuditTrail audit,
            JdbcClient jdbc, ComplaintQueries queries, ApplicationEventPublisher events, Clock clock,
            ZoneId businessZone) {
        this.customers = customers;
        this.customerRows = customerRows;
        this.contacts = contacts;
        this.complaints = complaints;
        this.policies = policies;
        this.calendar = calendar;
        this.audit = audit;
        this.jdbc = jdbc;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
        this.zone = businessZone;
    }

    /**
     * Records a complaint of a customer the viewer may see, unless one was recorded from the same
     * form already (then that one is the answer).
     *
     * @return the complaint's id
     */
    @Transactional
    public long record(Viewer viewer, long customerId, NewComplaint cmd) {
        return record(customers.get(viewer, customerId), cmd, viewer.username());
    }

    /**
     * The ERP / service desk records a complaint of the customer with {@code customerCode}; it is
     * owned by the customer's account manager, like any other.
     *
     * @throws CustomerNotFoundException when no customer has that code
     */
    @Transactional
    public long recordFromApi(String client, String customerCode, NewComplaint cmd) {
        Long id = jdbc.sql("SELECT id FROM customer WHERE code = ? AND deleted = FALSE").param(customerCode)
                .query(Long.class).optional().orElseThrow(() -> new CustomerNotFoundException(-1));
        Customer customer = customerRows.findByIdAndDeletedFalse(id).orElseThrow(() -> new CustomerNotFoundException(id));
        return record(customer, cmd, client);
    }

    /** The complaint recorded from this form or request, if any. */
    public Optional<Long> findSubmission(String submissionToken) {
        return complaints.findBySubmissionToken(submissionToken).map(Complaint::getId);
    }

    private long record(Customer customer, NewComplaint cmd, String by) {
        var existing = complaints.findBySubmissionToken(cmd.submissionToken());
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        Contact contact = cmd.contactId() == null ? null : contacts.findByIdAndCustomerId(cmd.contactId(),
                customer.getId()).orElseThrow(() -> new ComplaintRefusedException("contactId", "notThisCustomer"));
        Instant now = clock.instant();
        ServicePolicyVersion policy = policies.current();
        Tier tier = customer.getTier() == null ? Tier.C : customer.getTier();
        Deadlines due = ComplaintDeadlines.of(policy.policy(), tier, cmd.severity(), local(now),
                calendar.workingCalendar());
        Complaint complaint = complaints.saveAndFlush(new Complaint(new Complaint.Received(customer, contact,
                cmd.channel(), cmd.category(), cmd.severity(), cmd.description(), tier, policy.version(),
                instant(due.answerBy()), instant(due.resolveBy()), cmd.submissionToken()), by, now));
        audit.created(by, ENTITY, complaint.getId(), customer.getId(), "complaintCategory", complaint.getCategory());
        return complaint.getId();
    }

    @Transactional
    public void answer(Viewer viewer, long id, long seenVersion, String text) {
        step(viewer, id, seenVersion, "answer", c -> c.answer(text, viewer.username(), clock.instant()),
                Complaint::getAnswer);
    }

    @Transactional
    public void resolve(Viewer viewer, long id, long seenVersion, String note) {
        step(viewer, id, seenVersion, "resolution", c -> c.resolve(note, viewer.username(), clock.instant()),
                Complaint::getResolution);
    }

    @Transactional
    public void confirm(Viewer viewer, long id, long seenVersion, String note) {
        Complaint confirmed = step(viewer, id, seenVersion, "confirmNote",
                c -> c.confirm(note, viewer.username(), clock.instant()),
                c -> note == null || note.isBlank() ? null : note.strip());
        events.publishEvent(new ComplaintConfirmed(confirmed.getCustomer().getId(), viewer.username()));
    }

    /** Back to answered, with a resolution deadline counted afresh from now under the policy in force. */
    @Transactional
    public void reopen(Viewer viewer, long id, long seenVersion, String reason) {
        step(viewer, id, seenVersion, "reopenReason", c -> {
            Instant now = clock.instant();
            LocalDateTime again = ComplaintDeadlines.resolveBy(policies.current().policy(), c.getTier(),
                    c.getSeverity(), local(now), calendar.workingCalendar());
            c.reopen(reason, instant(again), viewer.username(), now);
        }, c -> reason == null || reason.isBlank() ? null : reason.strip());
    }

    /** The complaint's page, if the viewer may see it. */
    public ComplaintDetail detail(Viewer viewer, long id) {
        Complaint c = visible(viewer, id);
        return new ComplaintDetail(c.getId(), c.getCustomer().getId(), c.getCustomer().getName(),
                c.getContact() == null ? null : c.getContact().getName(), c.getOwner().getDisplayName(),
                c.getOwner().getId(), c.getChannel(), c.getCategory(), c.getSeverity(), c.getDescription(),
                c.getStatus(), c.getTier(),
                c.getPolicyVersion(), c.getReceivedAt(), c.getAnswerDueAt(), c.getResolveDueAt(), c.getAnswer(),
                c.getAnsweredAt(), c.getResolution(), c.getResolvedAt(), c.getConfirmedAt(),
                c.isOverdue(clock.instant()), c.getVersion(), queries.stepsOf(id));
    }

    /** The complaint if the viewer may see it: its customer is in their book, or it is theirs to handle. */
    Complaint visible(Viewer viewer, long id) {
        return complaints.findWithCustomerById(id)
                .filter(c -> !c.getCustomer().isDeleted() && c.isVisibleTo(viewer))
                .orElseThrow(() -> new ComplaintNotFoundException(id));
    }

    private Complaint step(Viewer viewer, long id, long seenVersion, String textField, Consumer<Complaint> change,
            Function<Complaint, String> text) {
        Complaint complaint = visible(viewer, id);
        if (complaint.getVersion() != seenVersion) {
            throw new StaleComplaintException(id);
        }
        ComplaintStatus before = complaint.getStatus();
        change.accept(complaint);
        complaints.flush();
        long customerId = complaint.getCustomer().getId();
        audit.fieldChanged(viewer.username(), ENTITY, id, customerId, "complaintStatus", before,
                complaint.getStatus());
        String written = text.apply(complaint);
        if (written != null) {
            audit.fieldChanged(viewer.username(), ENTITY, id, customerId, textField, null, written);
        }
        return complaint;
    }

    private LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, zone);
    }

    private Instant instant(LocalDateTime wallClock) {
        return wallClock.atZone(zone).toInstant();
    }
}

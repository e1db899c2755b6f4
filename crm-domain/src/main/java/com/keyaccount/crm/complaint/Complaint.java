package com.keyaccount.crm.complaint;

import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Viewer;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's complaint (投诉) and how it was handled. It only moves through its steps:
 * received → answered → resolved → confirmed by the customer, or reopened from resolved or
 * confirmed back to answered (the customer was answered; the fix did not hold), with a new
 * resolution deadline. Every step is kept with who and when. The deadlines are given, never
 * typed: the caller computes them from the service policy.
 */
@Entity
@Table(name = "complaint")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Complaint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "contact_id")
    private Contact contact;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id")
    private AppUser owner;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private ComplaintChannel channel;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private ComplaintCategory category;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Severity severity;

    private String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private ComplaintStatus status;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Tier tier;

    @Column(name = "policy_version")
    private int policyVersion;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "received_by")
    private String receivedBy;

    @Column(name = "answer_due_at")
    private Instant answerDueAt;

    @Column(name = "resolve_due_at")
    private Instant resolveDueAt;

    private String answer;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answered_by")
    private String answeredBy;

    private String resolution;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by")
    private String resolvedBy;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmed_by")
    private String confirmedBy;

    @Column(name = "submission_token")
    private String submissionToken;

    @Version
    private long version;

    @OneToMany(mappedBy = "complaint", cascade = CascadeType.PERSIST)
    @OrderBy("occurredAt, id")
    private List<ComplaintStep> steps = new ArrayList<>();

    /** What a new complaint is, with the deadlines its policy gave. */
    public record Received(Customer customer, Contact contact, ComplaintChannel channel, ComplaintCategory category,
            Severity severity, String description, Tier tier, int policyVersion, Instant answerDueAt,
            Instant resolveDueAt, String submissionToken) {
    }

    /** Received by {@code by} at {@code at}; owned by the customer's account manager. */
    public Complaint(Received r, String by, Instant at) {
        this.customer = Objects.requireNonNull(r.customer());
        if (r.contact() != null && !r.contact().getCustomer().getId().equals(r.customer().getId())) {
            throw new ComplaintRefusedException("contactId", "notThisCustomer");
        }
        this.contact = r.contact();
        this.owner = r.customer().getOwner();
        this.channel = Objects.requireNonNull(r.channel());
        this.category = Objects.requireNonNull(r.category());
        this.severity = Objects.requireNonNull(r.severity());
        this.description = ComplaintText.required("description", r.description());
        this.tier = Objects.requireNonNull(r.tier());
        this.policyVersion = r.policyVersion();
        if (r.resolveDueAt().isBefore(r.answerDueAt())) {
            throw new IllegalArgumentException("resolution due before the answer");
        }
        this.answerDueAt = r.answerDueAt();
        this.resolveDueAt = r.resolveDueAt();
        this.submissionToken = Objects.requireNonNull(r.submissionToken());
        this.status = ComplaintStatus.RECEIVED;
        this.receivedAt = at;
        this.receivedBy = by;
        step(StepKind.RECEIVED, null, by, at);
    }

    /** The customer was told what will be done. */
    public void answer(String text, String by, Instant at) {
        status.require("answer", ComplaintStatus.RECEIVED);
        this.answer = ComplaintText.required("answer", text);
        this.answeredAt = at;
        this.answeredBy = by;
        this.status = ComplaintStatus.ANSWERED;
        step(StepKind.ANSWERED, answer, by, at);
    }

    /**
     * Fixed, with a note of how: a complaint cannot be closed without one. Resolving one not yet
     * answered answers it too: the customer heard the resolution.
     */
    public void resolve(String note, String by, Instant at) {
        status.require("resolution", ComplaintStatus.RECEIVED, ComplaintStatus.ANSWERED);
        this.resolution = ComplaintText.required("resolution", note);
        if (answeredAt == null) {
            this.answeredAt = at;
            this.answeredBy = by;
        }
        this.resolvedAt = at;
        this.resolvedBy = by;
        this.status = ComplaintStatus.RESOLVED;
        step(StepKind.RESOLVED, resolution, by, at);
    }

    /** The customer confirmed the resolution; {@code note} (optional) says how or by whom. */
    public void confirm(String note, String by, Instant at) {
        status.require("confirmNote", ComplaintStatus.RESOLVED);
        this.confirmedAt = at;
        this.confirmedBy = by;
        this.status = ComplaintStatus.CONFIRMED;
        step(StepKind.CONFIRMED, ComplaintText.blankToNull(note), by, at);
    }

    /**
     * The resolution did not hold: back to answered, to be resolved again by {@code resolveBy}.
     * The earlier resolution stays in the timeline.
     */
    public void reopen(String reason, Instant resolveBy, String by, Instant at) {
        status.require("reason", ComplaintStatus.RESOLVED, ComplaintStatus.CONFIRMED);
        String why = ComplaintText.required("reason", reason);
        this.status = ComplaintStatus.ANSWERED;
        this.resolution = null;
        this.resolvedAt = null;
        this.resolvedBy = null;
        this.confirmedAt = null;
        this.confirmedBy = null;
        this.resolveDueAt = Objects.requireNonNull(resolveBy);
        step(StepKind.REOPENED, why, by, at);
    }

    /**
     * Handed to another account manager to see it through, while it is open; its deadlines stay
     * as they were: the customer is owed the same answer.
     */
    public void assignTo(AppUser newOwner, String by, Instant at) {
        status.require("ownerId", ComplaintStatus.RECEIVED, ComplaintStatus.ANSWERED);
        if (newOwner == owner || newOwner.getId() != null && newOwner.getId().equals(owner.getId())) {
            throw new ComplaintRefusedException("ownerId", "sameOwner");
        }
        this.owner = newOwner;
        step(StepKind.ASSIGNED, newOwner.getDisplayName(), by, at);
    }

    /** Open and past a deadline it has not met: not answered in time, or not resolved in time. */
    public boolean isOverdue(Instant now) {
        return status.isOpen() && (now.isAfter(resolveDueAt)
                || status == ComplaintStatus.RECEIVED && now.isAfter(answerDueAt));
    }

    public boolean isVisibleTo(Viewer viewer) {
        return viewer.canSee(customer.getId(), customer.getOwner().getId()) || viewer.canSee(owner.getId());
    }

    private void step(StepKind kind, String note, String by, Instant at) {
        steps.add(new ComplaintStep(this, kind, note, by, at));
    }
}

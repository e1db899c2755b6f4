package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Contact;
import com.keyaccount.crm.customer.ContactRepository;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerNotFoundException;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.prospect.Prospect;
import com.keyaccount.crm.prospect.ProspectGraded;
import com.keyaccount.crm.prospect.RefusalReason;
import com.keyaccount.crm.prospect.ProspectStageChange;
import com.keyaccount.crm.prospect.ProspectTick;
import com.keyaccount.crm.prospect.rules.Evidence;
import com.keyaccount.crm.prospect.rules.LadderCondition;
import com.keyaccount.crm.prospect.rules.StageDefinition;
import com.keyaccount.crm.prospect.rules.StageKind;
import com.keyaccount.crm.scoring.prospect.MoveDecision;
import com.keyaccount.crm.scoring.prospect.StageMovePolicy;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prospect ladder's use cases: look at a prospect, confirm or withdraw a condition, move it,
 * re-grade it. Ownership is the customer's (another manager's prospect is missing); which moves
 * are allowed is {@link StageMovePolicy}'s to say.
 */
@Service
public class ProspectService {

    static final String ENTITY = "Prospect";
    static final int LONGEST_NOTE = 500;

    private final CustomerService customers;
    private final ContactRepository contacts;
    private final ProspectStore store;
    private final ProspectLadders ladders;
    private final ProspectEvidence evidence;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ProspectConversion conversion;
    private final Clock clock;
    private final ZoneId businessZone;

    ProspectService(CustomerService customers, ContactRepository contacts,
            ProspectStore store, ProspectLadders ladders, ProspectEvidence evidence, AuditTrail audit,
            ApplicationEventPublisher events, ProspectConversion conversion, Clock clock, ZoneId businessZone) {
        this.customers = customers;
        this.contacts = contacts;
        this.store = store;
        this.ladders = ladders;
        this.evidence = evidence;
        this.audit = audit;
        this.events = events;
        this.conversion = conversion;
        this.clock = clock;
        this.businessZone = businessZone;
    }

    @Transactional(readOnly = true)
    public ProspectView view(Viewer viewer, long customerId) {
        return viewOf(prospectOf(viewer, customerId));
    }

    /**
     * The prospect side of a customer the caller obtained from {@link CustomerService#get} (so may
     * see): empty when it is not a prospect and never was one (no status PROSPECT, no ladder row).
     */
    @Transactional(readOnly = true)
    public Optional<ProspectView> of(Customer visible) {
        if (visible.getStatus() != CustomerStatus.PROSPECT && store.find(visible.getId()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(viewOf(visible));
    }

    private ProspectView viewOf(Customer customer) {
        long customerId = customer.getId();
        ProspectLadders.InForce inForce = ladders.inForce();
        var row = store.find(customerId);
        Map<String, ProspectTick> ticks = new LinkedHashMap<>();
        store.ticks(customerId).forEach(t -> ticks.put(t.conditionKey(), t));
        String stage = row.map(Prospect::getStage).orElse(inForce.ladder().lead().code());
        Instant since = row.map(Prospect::getStageSince).orElse(customer.getCreatedAt());
        ProspectEvidence.Reading reading = evidence.read(inForce.ladder(), customer, ticks);
        return new ProspectView(customer, inForce.version(), inForce.ladder(), stage, since, row, ticks,
                reading.met(), reading.facts(), reading.contacts(), store.history(customerId));
    }

    @Transactional
    public void tick(Viewer viewer, long customerId, TickCommand command) {
        Customer customer = prospectOf(viewer, customerId);
        LadderCondition condition = ladders.inForce().ladder().condition(command.conditionKey())
                .orElseThrow(() -> new TickRejectedException(TickRejectedException.Why.UNKNOWN_CONDITION));
        if (condition.evidence().automatic()) {
            throw new TickRejectedException(TickRejectedException.Why.AUTOMATIC);
        }
        if (command.confirmedOn() == null || command.confirmedOn().isAfter(LocalDate.now(clock.withZone(businessZone)))) {
            throw new TickRejectedException(TickRejectedException.Why.FUTURE_DATE);
        }
        String note = command.note();
        if (note != null && (note.length() > LONGEST_NOTE || !ControlCharacters.absentFrom(note, true))) {
            throw new TickRejectedException(TickRejectedException.Why.NOTE_INVALID);
        }
        Long contactId = null;
        if (condition.evidence() == Evidence.DECISION_MAKER) {
            contactId = contactOf(customer, command.contactId()).getId();
        }
        store.tick(new ProspectTick(customerId, condition.key(), command.confirmedOn(), note, contactId,
                viewer.userId(), clock.instant()));
        audit.created(viewer.username(), "ProspectTick", customerId, customerId, "condition", condition.key());
    }

    @Transactional
    public void untick(Viewer viewer, long customerId, String conditionKey) {
        prospectOf(viewer, customerId);
        if (store.untick(customerId, conditionKey)) {
            audit.deleted(viewer.username(), "ProspectTick", customerId, customerId, "condition", conditionKey);
        }
    }

    /** Moves the prospect, or throws {@link StageMoveRefusedException} saying what is missing. */
    @Transactional
    public void move(Viewer viewer, long customerId, MoveCommand command) {
        Customer customer = prospectOf(viewer, customerId);
        ProspectLadders.InForce inForce = ladders.inForce();
        Prospect prospect = current(customer, inForce, command.expectedVersion());
        Map<String, ProspectTick> ticks = new HashMap<>();
        store.ticks(customerId).forEach(t -> ticks.put(t.conditionKey(), t));
        Set<String> met = evidence.read(inForce.ladder(), customer, ticks).met();
        boolean reasonGiven = command.reason() != null && !command.reason().isBlank()
                || command.refusalReason() != null;
        MoveDecision decision = StageMovePolicy.decide(inForce.ladder(), prospect.getStage(), command.toStage(), met,
                reasonGiven);
        if (decision instanceof MoveDecision.Refused refused) {
            throw new StageMoveRefusedException(refused);
        }
        StageDefinition to = ((MoveDecision.Allowed) decision).to();
        String from = prospect.getStage();
        Instant now = clock.instant();
        if (to.kind() == StageKind.REFUSAL) {
            if (command.refusalReason() == null || command.refusalReason() == RefusalReason.OTHER
                    && (command.refusalNote() == null || command.refusalNote().isBlank())) {
                throw new StageMoveRefusedException(
                        new MoveDecision.Refused(MoveDecision.Refusal.REASON_REQUIRED, List.of()));
            }
            prospect.refuse(to.code(), command.refusalReason(), command.refusalNote(), now);
        } else {
            prospect.moveTo(to.code(), now);
        }
        store.save(prospect);
        store.recordMove(new ProspectStageChange(customerId, from, to.code(), now, viewer.username(),
                inForce.version(), met, reasonOf(command)));
        audit.fieldChanged(viewer.username(), ENTITY, customerId, customerId, "stage", from, to.code());
        if (prospect.getRefusalReason() != null) {
            audit.fieldChanged(viewer.username(), ENTITY, customerId, customerId, "refusalReason", null,
                    prospect.getRefusalReason());
        }
        if (to.kind() == StageKind.WON || to.kind() == StageKind.CLOSED) {
            conversion.becameCustomer(viewer.username(), customer, now);
        }
    }

    @Transactional
    public void grade(Viewer viewer, long customerId, GradeCommand command) {
        Customer customer = prospectOf(viewer, customerId);
        ProspectLadders.InForce inForce = ladders.inForce();
        Prospect prospect = current(customer, inForce, command.expectedVersion());
        Object before = prospect.getCloseClass();
        var valueBefore = prospect.getExpectedMonthlyValue();
        prospect.grade(command.closeClass(), command.expectedMonthlyValue(), clock.instant());
        store.save(prospect);
        // the class sets the follow-up cadence: the schedule reads the saved grade with SQL
        store.flush();
        events.publishEvent(new ProspectGraded(customerId));
        if (!Objects.equals(before, command.closeClass())) {
            audit.fieldChanged(viewer.username(), ENTITY, customerId, customerId, "closeClass", before,
                    command.closeClass());
        }
        var valueAfter = prospect.getExpectedMonthlyValue();
        if (valueBefore == null ? valueAfter != null : valueAfter == null || valueBefore.compareTo(valueAfter) != 0) {
            audit.fieldChanged(viewer.username(), ENTITY, customerId, customerId, "expectedMonthlyValue",
                    valueBefore == null ? null : valueBefore.toPlainString(),
                    valueAfter == null ? null : valueAfter.toPlainString());
        }
    }

    /** A deleted contact no longer stands behind a decision-maker condition: the tick stays, not met. */
    @Transactional
    public void contactRemoved(long customerId, long contactId) {
        store.releaseContact(customerId, contactId);
    }

    private Customer prospectOf(Viewer viewer, long customerId) {
        Customer customer;
        try {
            customer = customers.get(viewer, customerId);
        } catch (CustomerNotFoundException notVisible) {
            throw new ProspectNotFoundException(customerId);
        }
        if (customer.getStatus() != CustomerStatus.PROSPECT && store.find(customerId).isEmpty()) {
            throw new ProspectNotFoundException(customerId);
        }
        return customer;
    }

    private Prospect current(Customer customer, ProspectLadders.InForce inForce, Long expectedVersion) {
        var row = store.find(customer.getId());
        if (row.isEmpty()) {
            if (expectedVersion != null) {
                throw new StaleProspectException(customer.getId());
            }
            return new Prospect(customer.getId(), inForce.ladder().lead().code(), customer.getCreatedAt());
        }
        if (expectedVersion == null || row.get().getVersion() != expectedVersion) {
            throw new StaleProspectException(customer.getId());
        }
        return row.get();
    }

    private Contact contactOf(Customer customer, Long contactId) {
        return contacts.findById(contactId == null ? -1 : contactId)
                .filter(c -> c.getCustomer().getId().equals(customer.getId()))
                .orElseThrow(() -> new TickRejectedException(TickRejectedException.Why.CONTACT_REQUIRED));
    }

    private static String reasonOf(MoveCommand command) {
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (command.refusalReason() != null && reason.isEmpty()) {
            reason = command.refusalNote() == null ? "" : command.refusalNote().strip();
        }
        return reason.length() > LONGEST_NOTE ? reason.substring(0, LONGEST_NOTE) : reason;
    }
}

package com.keyaccount.crm.customer;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.UnknownOwnerException;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer use cases. Every method a page calls takes the {@link Viewer} and answers "not found"
 * for a customer the viewer may not see, so no route can leak another manager's book. Every
 * change, the imports' too, goes through here to {@link CustomerStore} with its audit rows.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CustomerService {

    static final String ENTITY = "Customer";

    private final CustomerStore customers;
    private final AppUserRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public Page<Customer> search(Viewer viewer, CustomerCriteria criteria, Pageable pageable) {
        return customers.search(viewer, criteria, pageable);
    }

    /**
     * Gives customers written in bulk (the demo book, customers from before the search by pinyin
     * initials) their initials; run at start-up, quick when there is nothing to do.
     */
    @Transactional
    public int fillMissingInitials() {
        return customers.fillMissingInitials();
    }

    /** The customer with its owner loaded, if the viewer may see it. */
    public Customer get(Viewer viewer, long id) {
        return customers.find(id)
                .filter(c -> viewer.canSee(c.getId(), c.getOwner().getId()))
                .orElseThrow(() -> new CustomerNotFoundException(id));
    }

    /**
     * Creates a customer. An account manager always owns what they create; a director or admin
     * names the owner; customer service and marketing people own no book, so they create none.
     */
    @Transactional
    public Customer create(Viewer viewer, CustomerProfile profile, Long requestedOwnerId) {
        if (viewer.role().servesTeams()) {
            throw new NotPermittedException("own customers");
        }
        requireFreeCode(profile.code(), null);
        AppUser owner = viewer.canReassignCustomers()
                ? accountManager(requestedOwnerId)
                : users.getReferenceById(viewer.userId());
        Customer customer = customers.add(new Customer(profile, owner, clock.instant()));
        audit.created(viewer.username(), ENTITY, customer.getId(), customer.getId());
        events.publishEvent(new CustomerChanged(customer.getId()));
        return customer;
    }

    /**
     * Saves an edit made against {@code expectedVersion}; if the customer changed since, nothing
     * is written and {@link StaleCustomerException} tells the caller to show the conflict.
     */
    @Transactional
    public Customer update(Viewer viewer, long id, long expectedVersion, CustomerProfile profile,
            Long requestedOwnerId) {
        Customer customer = get(viewer, id);
        if (customer.getVersion() != expectedVersion) {
            throw new StaleCustomerException(id);
        }
        requireFreeCode(profile.code(), id);
        CustomerProfile before = customer.profile();
        customer.updateProfile(profile, clock.instant());
        audit.changed(viewer.username(), ENTITY, id, id, before, customer.profile());
        if (viewer.canReassignCustomers() && requestedOwnerId != null
                && !customer.isOwnedBy(requestedOwnerId)) {
            AppUser newOwner = accountManager(requestedOwnerId);
            audit.fieldChanged(viewer.username(), ENTITY, id, id, "owner",
                    customer.getOwner().getUsername(), newOwner.getUsername());
            customer.reassignTo(newOwner, clock.instant());
        }
        customers.flush();
        events.publishEvent(new CustomerChanged(id));
        return customer;
    }

    /**
     * Marks the customer lost, with its reason in words, in the caller's transaction (the
     * lost-customer feature records the structured reason and the interview beside it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer markLost(Viewer viewer, long id, String reason) {
        Customer customer = get(viewer, id);
        CustomerProfile before = customer.profile();
        customer.markLost(reason, clock.instant());
        audit.changed(viewer.username(), ENTITY, id, id, before, customer.profile());
        customers.flush();
        events.publishEvent(new CustomerChanged(id));
        return customer;
    }

    @Transactional
    public void delete(Viewer viewer, long id) {
        Customer customer = get(viewer, id);
        if (!viewer.canDeleteCustomers()) {
            throw new CustomerNotFoundException(id);
        }
        customer.softDelete(clock.instant());
        audit.deleted(viewer.username(), ENTITY, id, id);
        customers.flush();
        events.publishEvent(new CustomerChanged(id));
    }

    /**
     * A director or admin moves customers to another account manager, with the reason; the old
     * owner loses them on their next request. Returns how many changed hands (ones the new owner
     * already had are left alone).
     */
    @Transactional
    public int reassign(Viewer viewer, Collection<Long> ids, long newOwnerId, String reason) {
        requireLeadership(viewer, "reassign customers");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reassignment needs a reason");
        }
        AppUser newOwner = accountManager(newOwnerId);
        int moved = 0;
        for (long id : new java.util.TreeSet<>(ids)) {
            Customer customer = get(viewer, id);
            if (customer.isOwnedBy(newOwnerId)) {
                continue;
            }
            audit.fieldChanged(viewer.username(), ENTITY, id, id, "owner", customer.getOwner().getUsername(),
                    newOwner.getUsername());
            audit.fieldChanged(viewer.username(), ENTITY, id, id, "reassignReason", null, reason.strip());
            customer.reassignTo(newOwner, clock.instant());
            moved++;
        }
        customers.flush();
        ids.forEach(id -> events.publishEvent(new CustomerChanged(id)));
        return moved;
    }

    /** 高层指定: a director or admin names the customer a key account, with the reason. */
    @Transactional
    public void designateAsKeyAccount(Viewer viewer, long id, String reason) {
        Customer customer = get(viewer, id);
        requireLeadership(viewer, "designate key accounts");
        String before = customer.getDesignation().isDesignated() ? customer.getDesignation().getReason() : null;
        customer.designateAsKeyAccount(reason, users.getReferenceById(viewer.userId()), clock.instant());
        audit.fieldChanged(viewer.username(), ENTITY, id, id, "designatedKey", before, customer.getDesignation().getReason());
    }

    @Transactional
    public void withdrawKeyAccountDesignation(Viewer viewer, long id) {
        Customer customer = get(viewer, id);
        requireLeadership(viewer, "withdraw key-account designations");
        if (customer.getDesignation().isDesignated()) {
            audit.fieldChanged(viewer.username(), ENTITY, id, id, "designatedKey", customer.getDesignation().getReason(), null);
            customer.withdrawKeyAccountDesignation(clock.instant());
        }
    }

    /** The owner confirms the profile is current (每季度核实). */
    @Transactional
    public void markVerified(Viewer viewer, long id) {
        Customer customer = get(viewer, id);
        Object before = customer.getVerifiedAt();
        customer.markVerified(clock.instant());
        audit.fieldChanged(viewer.username(), ENTITY, id, id, "verifiedAt", before, customer.getVerifiedAt());
    }

    /**
     * Applies a checked customer file, staged as {@code staged}, in the caller's transaction:
     * audits every changed field like an edit on the form, then updates and creates customers
     * set-based, and notes on the import which customers each line created or changed (for its
     * page). The audit runs first because it reads the values about to be replaced.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ImportedCustomers applyImport(String actor, StagedCustomers staged) {
        Instant now = clock.instant();
        CustomerStore.Counts counts = customers.count(staged);
        staged.fieldChanges().forEach((field, changes) -> audit.fieldsChanged(actor, now, ENTITY, field, changes));
        customers.recordChanged(staged);
        // the location's "set by" column holds a username (64 characters), the assessment's a user
        String by = actor.length() > 64 ? actor.substring(0, 64) : actor;
        Long byId = users.findByUsername(actor).map(AppUser::getId).orElse(null);
        customers.updateFromStage(staged, by, byId, now);
        List<Long> created = customers.insertFromStage(staged, by, byId, now);
        customers.recordCreated(staged);
        customers.fillMissingInitials();
        audit.customersCreated(actor, now, ENTITY, created);
        List<Long> rescheduled = new ArrayList<>(counts.rescheduled());
        rescheduled.addAll(created);
        return new ImportedCustomers(counts.created(), counts.updated(),
                counts.total() - counts.created() - counts.updated(), rescheduled);
    }

    /**
     * What an import did; {@code rescheduled} are the customers whose follow-up schedule must
     * follow: new ones, and those with a new owner or status.
     */
    public record ImportedCustomers(long created, long updated, long unchanged, List<Long> rescheduled) {
    }

    private static void requireLeadership(Viewer viewer, String action) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException(action);
        }
    }

    private AppUser accountManager(Long ownerId) {
        if (ownerId == null) {
            throw new UnknownOwnerException(null);
        }
        return users.findById(ownerId)
                .filter(u -> u.getRole() == Role.ACCOUNT_MANAGER && u.isEnabled())
                .orElseThrow(() -> new UnknownOwnerException(ownerId));
    }

    private void requireFreeCode(String code, Long ownId) {
        String normalised = code.strip();
        if (customers.codeTaken(normalised, ownId)) {
            throw new DuplicateCustomerCodeException(normalised);
        }
    }
}

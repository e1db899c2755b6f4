package com.keyaccount.crm.customer;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contacts are reached through their customer, so the customer's visibility rule covers them. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ContactService {

    private static final String ENTITY = "Contact";

    private final CustomerService customers;
    private final ContactRepository contacts;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /** The contacts of a customer the caller obtained from {@link CustomerService#get}, so may see. */
    public List<Contact> of(Customer visible) {
        return contacts.findByCustomerIdOrderByNameAscIdAsc(visible.getId());
    }

    public Contact get(Viewer viewer, long customerId, long contactId) {
        customers.get(viewer, customerId);
        return contacts.findByIdAndCustomerId(contactId, customerId)
                .orElseThrow(() -> new ContactNotFoundException(contactId));
    }

    @Transactional
    public Contact add(Viewer viewer, long customerId, ContactDetails details) {
        Customer customer = customers.get(viewer, customerId);
        Contact contact = contacts.saveAndFlush(new Contact(customer, details, clock.instant()));
        audit.created(viewer.username(), ENTITY, contact.getId(), customerId);
        events.publishEvent(new ContactChanged(customerId, contact.getId()));
        return contact;
    }

    /**
     * Saves an edit made against {@code expectedVersion}; if the contact changed since, nothing is
     * written and {@link StaleContactException} tells the caller to show the conflict. Two saves
     * racing from the same version are caught by the entity's {@code @Version} at commit.
     */
    @Transactional
    public Contact update(Viewer viewer, long customerId, long contactId, long expectedVersion,
            ContactDetails details) {
        Contact contact = get(viewer, customerId, contactId);
        if (contact.getVersion() != expectedVersion) {
            throw new StaleContactException(contactId);
        }
        ContactDetails before = contact.details();
        contact.update(details);
        audit.changed(viewer.username(), ENTITY, contactId, customerId, before, contact.details());
        // a racing save from the same version fails here, inside the call, and nothing is written
        contacts.flush();
        events.publishEvent(new ContactChanged(customerId, contactId));
        return contact;
    }

    @Transactional
    public void remove(Viewer viewer, long customerId, long contactId) {
        Contact contact = get(viewer, customerId, contactId);
        // a prospect's decision-maker condition names its contact: it lets go before the row goes
        events.publishEvent(new ContactRemoved(customerId, contactId));
        contacts.delete(contact);
        audit.deleted(viewer.username(), ENTITY, contactId, customerId);
    }
}

package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.customer.CustomerChanged;
import com.keyaccount.crm.customer.CustomerStatus;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A prospect that reached the won stage becomes a customer, whether a salesperson moved it or an
 * order did: its status, the audit line, and the schedule's refresh, in the caller's transaction.
 */
@Component
class ProspectConversion {

    private final ProspectStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ProspectConversion(ProspectStore store, AuditTrail audit, ApplicationEventPublisher events) {
        this.store = store;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void becameCustomer(String actor, Customer customer, Instant now) {
        if (customer.getStatus() == CustomerStatus.PROSPECT) {
            customer.won(now);
            audit.fieldChanged(actor, "Customer", customer.getId(), customer.getId(), "status",
                    CustomerStatus.PROSPECT, customer.getStatus());
            // the schedule reads the new status with SQL: a won prospect leaves its class's cadence
            store.flush();
            events.publishEvent(new CustomerChanged(customer.getId()));
        }
    }
}

package com.keyaccount.crm.customer;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.checkin.rules.GeoPoint;
import com.keyaccount.crm.user.Viewer;
import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where a customer is (issue 23): the pin check-ins are measured against. */
@Service
@RequiredArgsConstructor
public class CustomerLocations {

    private final CustomerService customers;
    private final CustomerStore store;
    private final AuditTrail audit;
    private final Clock clock;

    /**
     * Places the customer's pin: whoever may see the customer, with how it was found; audited
     * old → new as coordinates.
     */
    @Transactional
    public Customer locate(Viewer viewer, long id, GeoPoint point, LocationSource source) {
        Customer customer = customers.get(viewer, id);
        String before = customer.getLocation() == null ? null : customer.getLocation().text();
        customer.locateAt(new SiteLocation(point, source, viewer.username(), clock.instant()), clock.instant());
        audit.fieldChanged(viewer.username(), CustomerService.ENTITY, id, id, "location", before,
                customer.getLocation().text());
        store.flush();
        return customer;
    }
}

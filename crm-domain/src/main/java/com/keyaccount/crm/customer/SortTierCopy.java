package com.keyaccount.crm.customer;

import com.keyaccount.crm.tier.TiersChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the customer list's tier sort key in step with the tier engine: every tier write (a
 * recompute, a pin, an import) announces itself with {@link TiersChanged}, synchronously, so the
 * copy is made in the writer's transaction when it has one; not when nothing moved (a night's
 * recompute that only re-ranked), where the copy would read all 100k customers to change none.
 * Not audited: no user-visible field changes, only the order the list reads its rows in.
 */
@Component
class SortTierCopy {

    private final CustomerStore customers;

    SortTierCopy(CustomerStore customers) {
        this.customers = customers;
    }

    @EventListener
    void tiersChanged(TiersChanged changed) {
        if (changed.tiersMoved()) {
            customers.copyTiers();
        }
    }
}

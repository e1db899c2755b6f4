package com.keyaccount.crm.prospect.application;

import com.keyaccount.crm.customer.ContactRemoved;
import com.keyaccount.crm.sales.importing.SalesMerged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other features' changes mean for prospects. New sales: a prospect with an order is won
 * (A02 by the first order), right after the sales are committed and in a transaction of its own,
 * so a manager moving the same prospect at that moment can never fail an import or an ERP push;
 * a sweep that loses such a race is tried once more, and any prospect it leaves is won by the
 * next sales that come in (the sweep looks at every prospect, not only this batch's).
 */
@Component
class ProspectTriggers {

    private static final Logger log = LoggerFactory.getLogger(ProspectTriggers.class);

    private final ProspectService prospects;
    private final OrderWins orderWins;
    private final TransactionTemplate ownTransaction;

    ProspectTriggers(ProspectService prospects, OrderWins orderWins, PlatformTransactionManager transactions) {
        this.prospects = prospects;
        this.orderWins = orderWins;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SalesMerged event) {
        for (int attempt = 1; ; attempt++) {
            try {
                Integer won = ownTransaction.execute(status -> orderWins.winByOrders(event.actor()));
                if (won != null && won > 0) {
                    log.info("{} prospect(s) won by their first order (sales from {})", won, event.actor());
                }
                return;
            } catch (ConcurrencyFailureException | DataIntegrityViolationException raced) {
                if (attempt == 2) {
                    log.warn("Prospects with new orders not won now (edited meanwhile); the next sales will: {}",
                            raced.toString());
                    return;
                }
            }
        }
    }

    /** In the deleting transaction, before the contact's row goes. */
    @EventListener
    void on(ContactRemoved event) {
        prospects.contactRemoved(event.customerId(), event.contactId());
    }
}

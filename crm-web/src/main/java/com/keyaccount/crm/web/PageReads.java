package com.keyaccount.crm.web;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reads of a page that asks many use cases for its parts, in one read-only transaction: one
 * connection from the pool for the whole page instead of one per part. Under load the pool is
 * the queue every request stands in, once per part; the customer's page had some twenty parts,
 * so it stood in the queue twenty times and answered in over a second while its own work took
 * twenty milliseconds (issue 20). The template is rendered after this returns, so the
 * connection is not held while the page is written.
 * <p>
 * Only for reads: a part that writes fails in it (PostgreSQL refuses writes in a read-only
 * transaction), so once-a-day catch-ups run before it.
 */
@Component
public class PageReads {

    private final TransactionTemplate readOnly;

    PageReads(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /**
     * Runs {@code parts}, which put what they read into the model, in one read-only transaction;
     * a runtime exception of theirs passes through unchanged.
     */
    public void run(Runnable parts) {
        readOnly.executeWithoutResult(status -> parts.run());
    }
}

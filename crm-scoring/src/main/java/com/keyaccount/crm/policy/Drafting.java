package com.keyaccount.crm.policy;

import com.keyaccount.crm.audit.AuditTrail;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Builds the draft lifecycle of each kind of policy with what every kind shares. */
@Component
public class Drafting {

    private final AuditTrail audit;
    private final Clock clock;
    private final PlatformTransactionManager transactions;

    Drafting(AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** @param action what a non-admin is refused, e.g. "change visit quotas" */
    public <C> PolicyDrafts<C> of(String action, DraftStore<C> store, PolicyVersions<C> versions) {
        return new PolicyDrafts<>(action, store, versions, audit, clock, transactions);
    }
}

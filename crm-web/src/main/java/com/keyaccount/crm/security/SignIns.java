package com.keyaccount.crm.security;

import com.keyaccount.crm.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every sign-in, successful or failed, goes to the audit log with the address it came from. */
@Service
public class SignIns {

    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    public SignIns(AuditTrail audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    void succeeded(String username, String address) {
        transaction.executeWithoutResult(status -> audit.signIn(username, true, address));
    }

    void failed(String username, String address) {
        transaction.executeWithoutResult(status -> audit.signIn(username, false, address));
    }
}

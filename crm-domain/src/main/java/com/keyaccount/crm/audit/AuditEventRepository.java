package com.keyaccount.crm.audit;

import org.springframework.data.repository.Repository;

/** Deliberately without update or delete methods. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);
}

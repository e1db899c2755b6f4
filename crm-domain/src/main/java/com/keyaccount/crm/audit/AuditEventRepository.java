package com.keyaccount.crm.audit;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Deliberately without update or delete methods. */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, long entityId);
}

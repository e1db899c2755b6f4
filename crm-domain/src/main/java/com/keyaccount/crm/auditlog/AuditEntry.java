package com.keyaccount.crm.auditlog;

import java.time.Instant;

/** One audit row as the viewer shows it, with the customer's code where there is one. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, Long entityId,
        Long customerId, String customerCode, String field, String oldValue, String newValue) {
}

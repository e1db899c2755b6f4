package com.keyaccount.crm.auditlog;

import java.time.Instant;

/**
 * One audit row as the viewer shows it, with the customer's code and name where there is one,
 * and {@code subject}: what a reader knows the record by when it is not a customer's (a user's
 * login, a contact's name, a rule version), else {@code null}.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, Long entityId,
        Long customerId, String customerCode, String customerName, String subject, String field, String oldValue,
        String newValue) {
}

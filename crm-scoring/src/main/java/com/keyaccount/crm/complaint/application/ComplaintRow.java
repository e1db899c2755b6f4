package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.ComplaintCategory;
import com.keyaccount.crm.complaint.ComplaintChannel;
import com.keyaccount.crm.complaint.ComplaintStatus;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.tier.Tier;
import java.time.Instant;

/** A complaint in a list: the complaints page, My day, the customer page, the export. */
public record ComplaintRow(long id, long customerId, String customerCode, String customerName, long ownerId,
        String ownerName, ComplaintChannel channel, ComplaintCategory category, Severity severity, Tier tier,
        ComplaintStatus status, String description, Instant receivedAt, Instant answerDueAt, Instant resolveDueAt,
        Instant answeredAt, Instant resolvedAt, Instant confirmedAt, boolean overdue) {

    /** The deadline that matters now: the answer's until answered, then the resolution's. */
    public Instant nextDeadline() {
        return status == ComplaintStatus.RECEIVED && answerDueAt.isBefore(resolveDueAt) ? answerDueAt : resolveDueAt;
    }

    /** Answered by its deadline; null while not answered. */
    public Boolean answeredOnTime() {
        return answeredAt == null ? null : !answeredAt.isAfter(answerDueAt);
    }

    /** Resolved by its deadline; null while not resolved. */
    public Boolean resolvedOnTime() {
        return resolvedAt == null ? null : !resolvedAt.isAfter(resolveDueAt);
    }
}

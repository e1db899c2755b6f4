package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.ComplaintCategory;
import com.keyaccount.crm.complaint.ComplaintChannel;
import com.keyaccount.crm.complaint.ComplaintStatus;
import com.keyaccount.crm.complaint.rules.Severity;
import com.keyaccount.crm.tier.Tier;
import java.time.Instant;
import java.util.List;

/** A complaint's page: what it is, where it stands against its deadlines, and its timeline. */
public record ComplaintDetail(long id, long customerId, String customerName, String contactName, String ownerName,
        long ownerId, ComplaintChannel channel, ComplaintCategory category, Severity severity, String description,
        ComplaintStatus status, Tier tier, int policyVersion, Instant receivedAt, Instant answerDueAt,
        Instant resolveDueAt, String answer, Instant answeredAt, String resolution, Instant resolvedAt,
        Instant confirmedAt, boolean overdue, long version, List<ComplaintStepView> steps) {

    public boolean answeredLate() {
        return answeredAt != null && answeredAt.isAfter(answerDueAt);
    }

    public boolean resolvedLate() {
        return resolvedAt != null && resolvedAt.isAfter(resolveDueAt);
    }
}

package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.followup.rules.VisitQuotas;
import java.time.Instant;

/** The open draft of the next visit-quota policy. */
public record QuotaDraft(long id, int baseVersion, int copiedFrom, VisitQuotas quotas, String note, String createdBy,
        Instant createdAt, String updatedBy, Instant updatedAt) {
}

package com.keyaccount.crm.followup.editor;

import com.keyaccount.crm.followup.rules.VisitQuotas;
import java.time.Instant;

/** One published version of the visit quotas. */
public record QuotaPolicyVersion(int version, VisitQuotas quotas, Instant createdAt, String createdBy, String note) {
}

package com.keyaccount.crm.complaint.application;

import com.keyaccount.crm.complaint.rules.ServicePolicy;
import java.time.Instant;

/** One published complaint service policy; version 0 is the built-in default (no row, no author). */
public record ServicePolicyVersion(int version, ServicePolicy policy, Instant createdAt, String createdBy,
        String note) {
}

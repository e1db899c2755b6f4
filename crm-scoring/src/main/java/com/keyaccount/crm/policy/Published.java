package com.keyaccount.crm.policy;

import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import java.time.LocalDate;
import java.util.List;

/**
 * A publication.
 *
 * @param version       its number (0 for a policy that is not numbered)
 * @param effectiveFrom the day it takes effect; null: at once
 * @param changes       what it changed, as audited
 * @param catchUp       when what is computed from it catches up (null: nothing to tell)
 */
public record Published(int version, LocalDate effectiveFrom, List<AuditedChange> changes, Scheduled catchUp) {

    public Published {
        changes = List.copyOf(changes);
    }

    public boolean inForceNow() {
        return effectiveFrom == null;
    }

    Published followedBy(Scheduled scheduled) {
        return new Published(version, effectiveFrom, changes, scheduled);
    }
}

package com.keyaccount.crm.tier.application;

/** What a finished recompute did. */
public record RecomputeSummary(long runId, int policyVersion, int customers, int upgrades, int downgrades,
        int tierRowsWritten, long durationMs) {
}

package com.keyaccount.crm.tier.application;

/** Where a running recompute is: its phase and how many rows of the write it has done. */
public record RecomputeProgress(long runId, String phase, int written, int toWrite) {

    public int percent() {
        return toWrite == 0 ? 0 : (int) (100L * written / toWrite);
    }
}

package com.keyaccount.crm.tier;

/**
 * How use cases that change what tiers are computed from (imports, the ERP API, a published
 * policy) ask for a recompute. The tier engine in crm-scoring answers it.
 */
public interface RecomputeRequests {

    /**
     * Starts a recompute now or, when one is already running (here or in another instance), right
     * after it, so that a change made during a run is never left uncomputed.
     */
    Scheduled startNowOrNext(String trigger, String actor);

    /** When a requested recompute runs. */
    enum Scheduled {
        NOW,
        /** one is running in this instance; this one follows it */
        AFTER_CURRENT,
        /**
         * another instance is running one: this one starts here once none runs anywhere (lost
         * only if this instance stops first; the nightly run catches up then)
         */
        RUNNING_ELSEWHERE
    }
}

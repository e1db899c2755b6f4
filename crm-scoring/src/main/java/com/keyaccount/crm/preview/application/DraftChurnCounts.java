package com.keyaccount.crm.preview.application;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.churn.application.ChurnWarnings;
import com.keyaccount.crm.churn.application.ChurnWarnings.FlaggedCounts;
import com.keyaccount.crm.dashboard.application.DashboardFilter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The preview's churn counts, now and under the draft, read on a second connection while the
 * preview reads the tiers: they scan the last half year apart from the tiers' window, so the
 * preview costs about the longer of the two reads. On the side reads' executor
 * ({@link WhatIf#CHURN_EXECUTOR}); when it is busy the caller's thread reads them first.
 */
@Component
class DraftChurnCounts {

    private final ChurnWarnings churnWarnings;
    private final TransactionTemplate reading;
    private final Executor sideReads;

    DraftChurnCounts(ChurnWarnings churnWarnings, PlatformTransactionManager transactions,
            @Qualifier(WhatIf.CHURN_EXECUTOR) Executor sideReads) {
        this.churnWarnings = churnWarnings;
        // the executor's thread is outside the caller's read-only transaction: it gets its own
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.sideReads = sideReads;
    }

    /**
     * Starts counting; {@link #of} waits for the counts. A draft that leaves the thresholds alone
     * flags whom the dashboard's kept count does: that count is taken (computed, if it must be,
     * without holding a connection while another request computes it) instead of scanning the
     * last half year again.
     */
    CompletableFuture<FlaggedCounts> start(ChurnThresholds draft) {
        return CompletableFuture.supplyAsync(() -> {
            if (draft.equals(churnWarnings.thresholds())) {
                long flagged = churnWarnings.count(new DashboardFilter(null, null, null));
                return new FlaggedCounts(flagged, flagged);
            }
            return reading.execute(status -> churnWarnings.compare(draft));
        }, sideReads);
    }

    static FlaggedCounts of(CompletableFuture<FlaggedCounts> counting) {
        try {
            return counting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

package com.keyaccount.crm.config;

import com.keyaccount.crm.dashboard.application.ServiceCards;
import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.importing.ImportJobs;
import com.keyaccount.crm.preview.application.WhatIf;
import com.keyaccount.crm.tier.application.TierRecompute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads of work that a page, an import or a published rule starts and does not wait for.
 * Each kind of work has one thread of its own, named after it in the logs: its runs queue behind
 * each other (one recompute at a time in an instance; ShedLock makes it one across instances),
 * and a long schedule refresh never holds up a recompute.
 * <p>
 * Not default candidates, so they are injected only where named and Boot's own
 * {@code applicationTaskExecutor} stays in place for everything else. When the context closes
 * they take no more work, give a running task the shutdown phase's time to finish (a recompute
 * then records its run and frees its lock) and interrupt it after that.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundWorkConfig {

    @Bean(name = TierRecompute.EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor tierRecomputeExecutor() {
        return singleThread("recompute-");
    }

    @Bean(name = ScheduleRefresh.EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor scheduleRefreshExecutor() {
        return singleThread("schedules-");
    }

    /**
     * Imports queue rather than run side by side: two big merges into the same tables would only
     * slow each other down and contend for locks. An import cut off by shutdown is later shown as
     * interrupted (its heartbeat stops).
     */
    @Bean(name = ImportJobs.EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor dataImportExecutor() {
        return singleThread("data-import-");
    }

    /**
     * Side reads: a request's second or third read on connections of their own, side by side with
     * its thread (the dashboard's service cards, the preview's churn counts); no queue: when all
     * are busy the request's own thread reads it.
     */
    @Bean(name = {ServiceCards.EXECUTOR, WhatIf.CHURN_EXECUTOR}, defaultCandidate = false)
    ThreadPoolTaskExecutor sideReadsExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(6);
        executor.setQueueCapacity(0);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setThreadNamePrefix("side-read-");
        executor.setDaemon(true);
        return executor;
    }

    /** Thread names short enough for the log pattern's 15 characters: "recompute-1", "schedules-1", "data-import-1". */
    private static ThreadPoolTaskExecutor singleThread(String threadNamePrefix) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix(threadNamePrefix);
        // a task stuck past shutdown must not keep the JVM alive, as the threads before these did not
        executor.setDaemon(true);
        return executor;
    }
}

package com.keyaccount.crm.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.followup.application.ScheduleRefresh;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.tier.application.TierRecompute;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Recomputes and schedule refreshes run on executors of the context, each on one thread named
 * after its work, and Boot's own executor stays in place beside them (it backs off when the
 * context has an executor that is a default candidate).
 */
@FullStackTest
class BackgroundWorkTest {

    private final ApplicationContext context;

    BackgroundWorkTest(ApplicationContext context) {
        this.context = context;
    }

    @Test
    void each_kind_of_background_work_has_its_own_named_thread() throws Exception {
        assertThat(threadOf(TierRecompute.EXECUTOR)).startsWith("recompute-");
        assertThat(threadOf(ScheduleRefresh.EXECUTOR)).startsWith("schedules-");
    }

    @Test
    void boots_application_task_executor_stays() {
        assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class);
    }

    private String threadOf(String executor) throws Exception {
        CompletableFuture<String> name = new CompletableFuture<>();
        context.getBean(executor, TaskExecutor.class).execute(() -> name.complete(Thread.currentThread().getName()));
        return name.get(10, TimeUnit.SECONDS);
    }
}

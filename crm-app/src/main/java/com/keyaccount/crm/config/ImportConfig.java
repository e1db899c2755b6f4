package com.keyaccount.crm.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Where file imports run: in the background, so an upload answers at once with a progress page. */
@Configuration
class ImportConfig {

    /**
     * One thread: imports queue rather than run side by side, since two big merges into the same
     * tables would only slow each other down and contend for locks. Shut down with the context;
     * an import cut off that way is later shown as interrupted (its heartbeat stops).
     */
    @Bean
    ThreadPoolTaskExecutor dataImportExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("data-import-");
        // never hold up the JVM's exit for a file nobody waits for any more
        executor.setDaemon(true);
        return executor;
    }
}

package com.keyaccount.crm.config;

import com.keyaccount.crm.shared.ServerInstance;
import com.keyaccount.crm.tier.application.RecomputeAlreadyRunningException;
import com.keyaccount.crm.tier.application.TierRecompute;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The nightly recompute and the lock that keeps recomputes one at a time across instances. */
@Configuration
@EnableScheduling
class TierEngineConfig {

    private static final Logger log = LoggerFactory.getLogger(TierEngineConfig.class);

    private final TierRecompute recompute;

    TierEngineConfig(TierRecompute recompute) {
        this.recompute = recompute;
    }

    /** This server among those sharing the database, new on every start. */
    @Bean
    static ServerInstance serverInstance() {
        return ServerInstance.ofThisProcess();
    }

    /**
     * The lock names its holder by {@link ServerInstance} (not only the host name), as the runs
     * do: the lock of a run whose server stopped can then be released, and no other.
     */
    @Bean
    static LockProvider lockProvider(JdbcTemplate jdbc, ServerInstance instance) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .usingDbTime()
                .withLockedByValue(instance.id())
                .build());
    }

    @Scheduled(cron = "${crm.tier.recompute-cron:0 0 2 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    void nightly() {
        try {
            recompute.run("NIGHTLY", "system");
        } catch (RecomputeAlreadyRunningException e) {
            log.info("Nightly tier recompute skipped: another one is running");
        }
    }
}

package com.keyaccount.crm.config;

import com.keyaccount.crm.shared.ServerInstance;
import com.keyaccount.crm.tier.application.RecomputeAlreadyRunningException;
import com.keyaccount.crm.tier.application.TierRecompute;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
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
    /** The night's run, apart from the recompute lock that any recompute takes. */
    static final String NIGHTLY_LOCK = "tier-nightly";
    /**
     * How long the night's lock outlives a run: an instance whose clock fires a little later than
     * another's (or after that one's short run already finished) finds it taken and skips, instead
     * of recomputing the night a second time. Well below any sensible interval between runs.
     */
    static final Duration NIGHT_HELD_FOR = Duration.ofMinutes(5);
    private static final Duration NIGHT_AT_MOST = Duration.ofHours(2);

    private final TierRecompute recompute;
    private final LockProvider locks;
    private final Clock clock;

    TierEngineConfig(TierRecompute recompute, LockProvider locks, Clock clock) {
        this.recompute = recompute;
        this.locks = locks;
        this.clock = clock;
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

    /**
     * Every instance's scheduler fires at the same hour: the first to take the night's lock runs
     * the recompute, the others skip (the recompute lock alone would let a late one run again once
     * the first finished).
     */
    @Scheduled(cron = "${crm.tier.recompute-cron:0 0 2 * * *}", zone = "${crm.zone:Asia/Shanghai}")
    void nightly() {
        Optional<SimpleLock> night = locks.lock(
                new LockConfiguration(clock.instant(), NIGHTLY_LOCK, NIGHT_AT_MOST, NIGHT_HELD_FOR));
        if (night.isEmpty()) {
            log.info("Nightly tier recompute skipped: another instance runs tonight's");
            return;
        }
        try {
            recompute.run("NIGHTLY", "system");
        } catch (RecomputeAlreadyRunningException e) {
            log.info("Nightly tier recompute skipped: another one is running");
        } finally {
            night.get().unlock();
        }
    }
}

package com.keyaccount.crm.management;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code flyway}): every migration this build ships is applied and none
 * failed. Flyway migrates at start-up, so this is down only when the schema went wrong under a
 * running instance (a failed migration of another instance, a restored older dump). Migrations
 * newer than this build (a later release's instance migrated first, during a rolling upgrade)
 * are reported in the details but do not take this instance out of the balancer.
 */
@Component
class FlywayHealthIndicator extends AbstractHealthIndicator {

    private final Flyway flyway;

    FlywayHealthIndicator(Flyway flyway) {
        super("Flyway state check failed");
        this.flyway = flyway;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        long pending = info.pending().length;
        long failed = Arrays.stream(info.all()).filter(m -> m.getState().isFailed()).count();
        long future = Arrays.stream(info.all()).filter(m -> m.getState().name().startsWith("FUTURE")).count();
        builder.status(pending == 0 && failed == 0 ? Status.UP : Status.DOWN)
                .withDetail("version", current == null ? "none" : current.getVersion().toString())
                .withDetail("pending", pending).withDetail("failed", failed).withDetail("future", future);
    }
}

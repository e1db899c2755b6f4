package com.keyaccount.crm.tier.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What operators watch of recomputes: {@code crm.recompute}, how long each run took (tagged by
 * what started it and whether it finished), and {@code crm.recompute.customers.moved}, the
 * customers each run moved up or down a tier. Recorded here, beside the pipeline; the rules that
 * classify know nothing of it.
 */
final class RecomputeMetrics {

    private final MeterRegistry registry;
    private final Counter upgrades;
    private final Counter downgrades;

    RecomputeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.upgrades = moved("up");
        this.downgrades = moved("down");
    }

    void done(String trigger, RecomputeSummary summary) {
        timer(trigger, "done").record(summary.durationMs(), TimeUnit.MILLISECONDS);
        upgrades.increment(summary.upgrades());
        downgrades.increment(summary.downgrades());
    }

    void failed(String trigger, long nanos) {
        timer(trigger, "failed").record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String trigger, String outcome) {
        return Timer.builder("crm.recompute").description("Tier recomputes, from reading the book to the last write")
                .tags("trigger", kind(trigger), "outcome", outcome).register(registry);
    }

    private Counter moved(String direction) {
        return Counter.builder("crm.recompute.customers.moved").description("Customers a recompute moved a tier")
                .tag("direction", direction).register(registry);
    }

    /** "POLICY v12" is a POLICY run: a tag takes few values, or every version would be a series of its own. */
    static String kind(String trigger) {
        String first = trigger == null || trigger.isBlank() ? "unknown" : trigger.strip().split("\\s+")[0];
        return first.toLowerCase(Locale.ROOT);
    }
}

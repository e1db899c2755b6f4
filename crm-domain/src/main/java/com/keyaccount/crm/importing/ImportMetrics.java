package com.keyaccount.crm.importing;

import com.keyaccount.crm.importing.DataImport.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of imports, recorded as each one ends ({@link ImportRecords#finish}):
 * {@code crm.import} (a timer: how long, and by its count how many files ended done, rejected
 * or failed), {@code crm.import.lines} (lines read; its rate is the lines per second the
 * instance imports) and {@code crm.import.lines.per.second} (each finished import's own pace).
 * Tagged by kind (sales, customers) and source (file, api).
 */
@Component
class ImportMetrics {

    private final MeterRegistry registry;

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void finished(ImportKind kind, String source, Status status, long lines, long nanos) {
        String kindTag = kind.name().toLowerCase(Locale.ROOT);
        String outcome = status.name().toLowerCase(Locale.ROOT);
        Timer.builder("crm.import").description("Imports from start of work to their outcome")
                .tags("kind", kindTag, "source", source, "outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("crm.import.lines").description("Lines (or pushed orders) read by imports")
                .tags("kind", kindTag, "source", source, "outcome", outcome)
                .register(registry).increment(lines);
        if (status == Status.DONE && lines > 0 && nanos > 0) {
            DistributionSummary.builder("crm.import.lines.per.second")
                    .description("Pace of each import that was written")
                    .tags("kind", kindTag, "source", source)
                    .register(registry).record(lines * 1e9 / nanos);
        }
    }
}

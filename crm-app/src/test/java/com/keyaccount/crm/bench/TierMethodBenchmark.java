package com.keyaccount.crm.bench;

import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16's speed goal: the bands by share of customers recompute within the same ratio to the
 * bare SQL query as Pareto. Each method is published in turn (its first run rewrites every row,
 * as any new policy version does), then timed warm (nothing changed) and cold (no tier rows),
 * against the bare query of the same run. The rules in force before are published back after.
 */
final class TierMethodBenchmark {

    private static final Viewer ADMIN = new Viewer(0L, "admin", Role.ADMIN);

    private TierMethodBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, long bareSqlMillis, int runs) throws Exception {
        RuleDrafts drafts = app.getBean(RuleDrafts.class);
        TierRecompute recompute = app.getBean(TierRecompute.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        RuleSet before = drafts.rulesInForce();
        try {
            for (TierMethod method : List.of(TierMethod.PARETO, TierMethod.CUSTOMER_SHARE)) {
                long published = publish(drafts, recompute, before.bandedBy(method, before.shares()));
                long warm = TierBenchmark.median(runs, () -> TierBenchmark.timeMillis(
                        () -> recompute.run("BENCHMARK", "benchmark")));
                long cold = TierBenchmark.median(Math.max(1, runs / 2), () -> {
                    TierBenchmark.resetTiers(jdbc);
                    return TierBenchmark.timeMillis(() -> recompute.run("BENCHMARK", "benchmark"));
                });
                TierBenchmark.report("(m) %-15s new version %,6d ms (%.2f×)  warm %,6d ms (%.2f×)  cold %,6d ms (%.2f×)",
                        method, published, (double) published / bareSqlMillis, warm, (double) warm / bareSqlMillis, cold,
                        (double) cold / bareSqlMillis);
            }
        } finally {
            publish(drafts, recompute, before);
        }
    }

    /** Publishes {@code rules} and returns how long the recompute the new version starts took. */
    private static long publish(RuleDrafts drafts, TierRecompute recompute, RuleSet rules) throws Exception {
        idle(recompute);
        long draft = drafts.start(ADMIN);
        drafts.save(ADMIN, draft, drafts.draft(draft).version(), rules, null, "benchmark");
        long started = System.nanoTime();
        drafts.publish(ADMIN, draft, drafts.draft(draft).version());
        idle(recompute);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static void idle(TierRecompute recompute) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (recompute.isRunning() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}

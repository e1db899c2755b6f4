package com.keyaccount.crm.bench;

import com.keyaccount.crm.rules.application.RuleDrafts;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.CustomerShareBands;
import com.keyaccount.crm.tier.rules.ParetoCutoffs;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.TierLadder;
import com.keyaccount.crm.tier.rules.TierMethod;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16's speed goal: the bands by share of customers (three tiers and seed 002's four) and a
 * ladder of five tiers recompute within the same ratio to the bare SQL query as Pareto on three. Each method is published in turn (its first run rewrites every row,
 * as any new policy version does), then timed warm (nothing changed) and cold (no tier rows),
 * against the bare query of the same run. The rules in force before are published back after.
 */
final class TierMethodBenchmark {

    private static final Viewer ADMIN = new Viewer(0L, "admin", Role.ADMIN);
    private static final TierLadder FOUR = TierLadder.named(List.of("重要客户", "主要客户", "普通客户", "小客户"),
            List.of("Key", "Major", "Regular", "Small"));
    private static final TierLadder FIVE = TierLadder.named(List.of("甲", "乙", "丙", "丁", "戊"),
            List.of("1st", "2nd", "3rd", "4th", "5th"));

    private TierMethodBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, long bareSqlMillis, int runs) throws Exception {
        RuleDrafts drafts = app.getBean(RuleDrafts.class);
        TierRecompute recompute = app.getBean(TierRecompute.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        RuleSet before = drafts.rulesInForce();
        long lastRunBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM recompute_run", Long.class);
        try {
            RuleSet three = before.named(TierLadder.DEFAULT);
            Map<String, RuleSet> cases = new LinkedHashMap<>();
            cases.put("Pareto, 3", three.bandedBy(TierMethod.PARETO, three.shares()));
            cases.put("share, 3", three.bandedBy(TierMethod.CUSTOMER_SHARE, CustomerShareBands.DEFAULT));
            // seed 002's four classes: top 20%, next 30%, next 30%, last 20% of customers
            cases.put("share, 4", three.named(FOUR).bandedBy(TierMethod.CUSTOMER_SHARE, new CustomerShareBands(
                    List.of(new BigDecimal("0.20"), new BigDecimal("0.50"), new BigDecimal("0.80")))));
            cases.put("Pareto, 5", new RuleSet(TierMethod.PARETO, three.windowMonths(), new ParetoCutoffs(
                    new BigDecimal("0.50"), new BigDecimal("0.80"), List.of(new BigDecimal("0.95"), new BigDecimal("0.99"))),
                    three.scorecard(), three.hardRules(), three.churn(), three.measure(), three.scope(), null, FIVE,
                    three.shares()));
            for (Map.Entry<String, RuleSet> c : cases.entrySet()) {
                String method = c.getKey();
                long published = publish(drafts, recompute, c.getValue());
                // a new version's time follows how many customers it moves: say how many this one moved
                long moved = jdbc.queryForObject("SELECT COUNT(*) FROM tier_change WHERE run_id = "
                        + "(SELECT MAX(id) FROM recompute_run)", Long.class);
                long warm = TierBenchmark.median(runs, () -> TierBenchmark.timeMillis(
                        () -> recompute.run("BENCHMARK", "benchmark")));
                long cold = TierBenchmark.median(Math.max(1, runs / 2), () -> {
                    TierBenchmark.resetTiers(jdbc);
                    return TierBenchmark.timeMillis(() -> recompute.run("BENCHMARK", "benchmark"));
                });
                TierBenchmark.report("(m) %-10s new version %,6d ms (%.2f×, %,d moved)  warm %,6d ms (%.2f×)  cold %,6d ms (%.2f×)",
                        method, published, (double) published / bareSqlMillis, moved, warm, (double) warm / bareSqlMillis, cold,
                        (double) cold / bareSqlMillis);
            }
        } finally {
            publish(drafts, recompute, before);
            // the book is back where it was; its history is too: each run here moves up to the whole
            // book, and left behind, 95,000 history rows a run slow every later figure that reads
            // the history (the list's "moved" drill-downs took 8.5 s after a few runs, not 1 s)
            jdbc.update("DELETE FROM tier_change WHERE run_id > ?", lastRunBefore);
            jdbc.execute("VACUUM ANALYZE tier_change");
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

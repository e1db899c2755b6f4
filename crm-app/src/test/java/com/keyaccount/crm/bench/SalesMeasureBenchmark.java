package com.keyaccount.crm.bench;

import static com.keyaccount.crm.bench.TierBenchmark.median;
import static com.keyaccount.crm.bench.TierBenchmark.timeMillis;

import com.keyaccount.crm.churn.ChurnThresholds;
import com.keyaccount.crm.tier.TierPolicy;
import com.keyaccount.crm.tier.TierPolicyRepository;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.tier.rules.Measure;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.tier.rules.Scope;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (k) of issue 15: the recompute on a book where 5% of the window's lines are credit
 * notes — ranked by net revenue, then by gross margin — each against the same bare SQL query over
 * the same data; and one tier per product line against one bare query per line. Each ratio is a
 * warm recompute (nothing changed since the last run) over its bare query, medians of one run.
 * The book and the rules are put back afterwards: the extra credit notes are removed and the rules
 * that were in force are published again.
 */
final class SalesMeasureBenchmark {

    private static final double CREDIT_SHARE = 0.05;

    private SalesMeasureBenchmark() {
    }

    static void run(ConfigurableApplicationContext app, int runs) {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        TierRecompute recompute = app.getBean(TierRecompute.class);
        TierPolicyRepository policies = app.getBean(TierPolicyRepository.class);
        LocalDate today = LocalDate.now(app.getBean(ZoneId.class));
        LocalDate from = today.minusMonths(12).plusDays(1);
        TierPolicy original = policies.inForceOn(today).orElseThrow();
        RuleSet rules = original.rules(ChurnThresholds.DEFAULT);
        long added = addCreditNotes(jdbc, from, today);
        try {
            long lines = count(jdbc, "SELECT COUNT(*) FROM sales_order WHERE order_date >= ?", from);
            long credits = count(jdbc, "SELECT COUNT(*) FROM sales_order WHERE order_date >= ? AND amount < 0", from);
            List<Long> lineIds = jdbc.queryForList("""
                    SELECT product_line_id FROM sales_order WHERE order_date >= ? AND product_line_id IS NOT NULL
                    GROUP BY product_line_id ORDER BY product_line_id""", Long.class, Date.valueOf(from));
            TierBenchmark.report("(k) book: %,d lines in the window, %,d credit notes (%.1f%%, %,d added), %d product lines",
                    lines, credits, 100.0 * credits / lines, added, lineIds.size());

            publish(jdbc, policies, rules.rankedBy(Measure.NET_REVENUE, Scope.BOOK, null), "benchmark: net revenue");
            measure(runs, recompute, "net revenue, whole book",
                    () -> bare(jdbc, "o.amount", null, from, today));

            publish(jdbc, policies, rules.rankedBy(Measure.GROSS_MARGIN, Scope.BOOK, null), "benchmark: gross margin");
            measure(runs, recompute, "gross margin, whole book",
                    () -> bare(jdbc, "o.margin", null, from, today));

            if ("0".equals(System.getenv("CRM_BENCH_PER_LINE"))) {
                return;
            }
            publish(jdbc, policies, rules.rankedBy(Measure.NET_REVENUE, Scope.PRODUCT_LINE, null),
                    "benchmark: per product line");
            measure(runs, recompute, "net revenue, per product line (" + lineIds.size() + " bare queries)",
                    () -> lineIds.forEach(line -> bare(jdbc, "o.amount", line, from, today)));
        } finally {
            jdbc.update("DELETE FROM sales_order WHERE order_no LIKE 'BENCH-CN-%'");
            publish(jdbc, policies, rules, "benchmark: the rules before it");
            recompute.run("BENCHMARK", "benchmark");
        }
    }

    /** First run after publishing (every row carries the new version), then warm runs against the bare query. */
    private static void measure(int runs, TierRecompute recompute, String what, Runnable bare) {
        long first = timeMillis(() -> recompute.run("BENCHMARK", "benchmark"));
        long app = median(runs, () -> timeMillis(() -> recompute.run("BENCHMARK", "benchmark")));
        long sql = median(runs, () -> timeMillis(bare));
        TierBenchmark.report("(k) %-52s first run %,6d ms; warm median %,6d ms vs bare SQL %,6d ms: ratio %.2f",
                what, first, app, sql, (double) app / sql);
    }

    /**
     * Brings credit notes to 5% of the window's lines: returns of part (30%) of sales spread over
     * the book, each naming its order, so the net falls and some nets reach zero.
     */
    private static long addCreditNotes(JdbcTemplate jdbc, LocalDate from, LocalDate to) {
        long lines = count(jdbc, "SELECT COUNT(*) FROM sales_order WHERE order_date >= ?", from);
        long credits = count(jdbc, "SELECT COUNT(*) FROM sales_order WHERE order_date >= ? AND amount < 0", from);
        long wanted = Math.round((CREDIT_SHARE * lines - credits) / (1 - CREDIT_SHARE));
        if (wanted <= 0) {
            return 0;
        }
        long sales = Math.max(1, lines - credits);
        return jdbc.update("""
                INSERT INTO sales_order (customer_id, order_no, order_date, amount, created_at, product_line_id,
                    margin, refers_to)
                SELECT customer_id, 'BENCH-CN-' || id, order_date, -ROUND(amount * 0.3, 2), CURRENT_TIMESTAMP,
                       product_line_id, -ROUND(COALESCE(margin, 0) * 0.3, 2), order_no
                FROM sales_order WHERE order_date >= ? AND order_date <= ? AND amount > 0 AND MOD(id, ?) = 0
                LIMIT ?""", Date.valueOf(from), Date.valueOf(to), Math.max(1, sales / wanted), wanted);
    }

    private static void publish(JdbcTemplate jdbc, TierPolicyRepository policies, RuleSet rules, String note) {
        int next = jdbc.queryForObject("SELECT MAX(version) FROM tier_policy", Integer.class) + 1;
        policies.saveAndFlush(TierPolicy.publish(next, rules, null, "benchmark", note, Instant.now()));
    }

    /**
     * The ranking inside PostgreSQL on {@code value} (a net of zero or less counts as zero), every
     * row fetched as the application does; with a product line, that line's customers only.
     */
    static void bare(JdbcTemplate jdbc, String value, Long line, LocalDate from, LocalDate to) {
        AtomicLong rows = new AtomicLong();
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        if (line != null) {
            args.add(line);
        }
        jdbc.query("""
                WITH v AS (
                    SELECT c.id, GREATEST(COALESCE(SUM(%1$s), 0), 0) AS r
                    FROM customer c %2$s JOIN sales_order o
                      ON o.customer_id = c.id AND o.order_date >= ? AND o.order_date <= ?%3$s
                    WHERE c.deleted = FALSE GROUP BY c.id),
                ranked AS (
                    SELECT id, r, SUM(r) OVER (ORDER BY r DESC, id ROWS UNBOUNDED PRECEDING) - r AS before,
                           SUM(r) OVER () AS total, ROW_NUMBER() OVER (ORDER BY r DESC, id) AS rank
                    FROM v)
                SELECT id, rank, CASE WHEN r = 0 THEN 'C' WHEN before < 0.80 * total THEN 'A'
                                      WHEN before < 0.95 * total THEN 'B' ELSE 'C' END AS tier
                FROM ranked""".formatted(value, line == null ? "LEFT" : "", line == null ? "" : " AND o.product_line_id = ?"),
                rs -> {
                    rows.incrementAndGet();
                }, args.toArray());
    }

    private static long count(JdbcTemplate jdbc, String sql, LocalDate from) {
        return jdbc.queryForObject(sql, Long.class, Date.valueOf(from));
    }
}

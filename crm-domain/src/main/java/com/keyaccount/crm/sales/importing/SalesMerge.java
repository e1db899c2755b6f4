package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.productline.ProductLines;
import com.keyaccount.crm.shared.DatabaseVendor;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@code sales_order} (and, on PostgreSQL, of the names its writes add to
 * {@code sales_figures_stale}): merges a good file's staged lines, in the caller's
 * transaction. The file upload and the ERP API both come here. A line is identified by
 * customer, order number and product line (none is a value of its own), the key of
 * {@code uq_sales_order_line}.
 */
@Component
class SalesMerge {

    private static final Logger log = LoggerFactory.getLogger(SalesMerge.class);

    /** A stored line {@code o} differs from the staged one {@code s}. */
    private static final String DIFFERS = differs("s");

    private final JdbcTemplate jdbc;
    private final StagedLineChecks checks;
    private final ProductLines productLines;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final boolean postgres;

    SalesMerge(JdbcTemplate jdbc, StagedLineChecks checks, ProductLines productLines, Clock clock,
            ApplicationEventPublisher events, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.productLines = productLines;
        this.clock = clock;
        this.events = events;
        this.postgres = !database.isH2();
    }

    /**
     * New product line codes first (so the file's lines find their product line), then the lines
     * written; returns how many were created, updated and unchanged. New or changed lines are news
     * to others ({@link SalesMerged}: a prospect's first order wins it), told in this transaction.
     */
    long[] apply(long id, String actor) {
        long started = System.nanoTime();
        productLines.createForImport(checks.newProductLineCodes(id), actor);
        long total = count("SELECT COUNT(*) FROM sales_import_stage WHERE import_id = ?", id);
        long[] counts = postgres ? upsert(id, total) : merge(id, total);
        log.debug("import {}: {} lines merged in {} ms", id, total, (System.nanoTime() - started) / 1_000_000);
        if (counts[0] + counts[1] > 0) {
            events.publishEvent(new SalesMerged(actor));
        }
        return counts;
    }

    /**
     * PostgreSQL: one pass, the database telling inserted rows (no previous version, xmax 0) from
     * updated ones; an unchanged line is neither. In key order, so the unique index is walked
     * front to back rather than at random. The customers of created and updated lines are named
     * for the kept window figures in the same statement, once each, and the row trigger that would
     * name them line by line is told so ({@code crm.sales_named}, for this statement only).
     */
    private long[] upsert(long id, long total) {
        jdbc.queryForObject("SELECT set_config('crm.sales_named', 'on', true)", String.class);
        long[] counts = jdbc.queryForObject("""
                WITH merged AS (
                    INSERT INTO sales_order AS o (customer_id, order_no, product_line_id, order_date, amount, due_date,
                        paid_date, refers_to, margin, created_at)
                    SELECT s.customer_id, s.order_no, p.id, s.order_date, s.amount, s.due_date, s.paid_date,
                           s.refers_to, s.margin, ?
                    FROM sales_import_stage s LEFT JOIN product_line p ON p.code = s.product_line_code
                    WHERE s.import_id = ?
                    ORDER BY s.customer_id, s.order_no
                    ON CONFLICT ON CONSTRAINT uq_sales_order_line DO UPDATE SET order_date = EXCLUDED.order_date,
                        amount = EXCLUDED.amount, due_date = EXCLUDED.due_date, paid_date = EXCLUDED.paid_date,
                        refers_to = EXCLUDED.refers_to, margin = EXCLUDED.margin
                    WHERE %s
                    RETURNING o.customer_id, (o.xmax = 0) AS created),
                named AS (
                    INSERT INTO sales_figures_stale (customer_id) SELECT DISTINCT customer_id FROM merged)
                SELECT COUNT(*) FILTER (WHERE created) AS created, COUNT(*) FILTER (WHERE NOT created) AS updated
                FROM merged""".formatted(differs("EXCLUDED")),
                (rs, n) -> new long[] {rs.getLong("created"), rs.getLong("updated")},
                OffsetDateTime.now(clock), id);
        jdbc.queryForObject("SELECT set_config('crm.sales_named', 'off', true)", String.class);
        return new long[] {counts[0], counts[1], total - counts[0] - counts[1]};
    }

    /** H2: created and unchanged lines counted, then one MERGE. */
    private long[] merge(long id, long total) {
        long created = count("""
                SELECT COUNT(*) FROM sales_import_stage s LEFT JOIN product_line p ON p.code = s.product_line_code
                WHERE s.import_id = ? AND NOT EXISTS (
                    SELECT 1 FROM sales_order o WHERE o.customer_id = s.customer_id AND o.order_no = s.order_no
                      AND o.product_line_id IS NOT DISTINCT FROM p.id)""", id);
        long unchanged = count("""
                SELECT COUNT(*) FROM sales_import_stage s LEFT JOIN product_line p ON p.code = s.product_line_code
                JOIN sales_order o ON o.customer_id = s.customer_id AND o.order_no = s.order_no
                  AND o.product_line_id IS NOT DISTINCT FROM p.id
                WHERE s.import_id = ? AND NOT""" + DIFFERS, id);
        jdbc.update("""
                MERGE INTO sales_order o
                USING (SELECT s.customer_id, s.order_no, p.id AS product_line_id, s.order_date, s.amount, s.due_date,
                              s.paid_date, s.refers_to, s.margin
                       FROM sales_import_stage s LEFT JOIN product_line p ON p.code = s.product_line_code
                       WHERE s.import_id = ?) s
                ON o.customer_id = s.customer_id AND o.order_no = s.order_no
                   AND o.product_line_id IS NOT DISTINCT FROM s.product_line_id
                WHEN MATCHED AND""" + DIFFERS + """
                THEN UPDATE SET order_date = s.order_date, amount = s.amount, due_date = s.due_date,
                    paid_date = s.paid_date, refers_to = s.refers_to, margin = s.margin
                WHEN NOT MATCHED THEN INSERT (customer_id, order_no, product_line_id, order_date, amount, due_date,
                    paid_date, refers_to, margin, created_at)
                  VALUES (s.customer_id, s.order_no, s.product_line_id, s.order_date, s.amount, s.due_date,
                    s.paid_date, s.refers_to, s.margin, ?)""",
                id, OffsetDateTime.now(clock));
        return new long[] {created, total - created - unchanged, unchanged};
    }

    /** The condition that the stored line {@code o} differs from the one named {@code staged}. */
    private static String differs(String staged) {
        return """
                 (o.order_date <> %1$s.order_date OR o.amount <> %1$s.amount
                  OR o.due_date IS DISTINCT FROM %1$s.due_date OR o.paid_date IS DISTINCT FROM %1$s.paid_date
                  OR o.refers_to IS DISTINCT FROM %1$s.refers_to OR o.margin IS DISTINCT FROM %1$s.margin) \
                """.formatted(staged);
    }

    private long count(String sql, long id) {
        Long count = jdbc.queryForObject(sql, Long.class, id);
        return count == null ? 0 : count;
    }
}

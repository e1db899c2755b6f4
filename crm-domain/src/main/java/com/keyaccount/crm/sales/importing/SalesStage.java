package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.importing.ImportStage;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.sql.Date;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@code sales_import_stage}: checked order lines wait there, outside any
 * transaction, until the whole file is known to be good; only then are they merged. The checks
 * that need more than one line run here, in SQL over the stage, so memory stays bounded.
 */
@Component
class SalesStage implements ImportStage {

    private static final int[] TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE,
        Types.NUMERIC, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC};

    /**
     * A stored order line that a staged line with the same key (customer, number, product line)
     * replaces: it no longer counts once the file is merged. {@code o} is the stored line, {@code p}
     * its product line.
     */
    private static final String REPLACED = """
            EXISTS (SELECT 1 FROM sales_import_stage x WHERE x.import_id = :id AND x.customer_id = o.customer_id
                    AND x.order_no = o.order_no AND x.product_line_code IS NOT DISTINCT FROM p.code)""";

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;

    SalesStage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
    }

    /** Writes one batch of lines and empties it, so memory never holds more than a batch. */
    void add(long importId, List<SalesLine> lines) {
        if (!lines.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO sales_import_stage (import_id, line_no, customer_id, order_no, order_date, amount,
                        due_date, paid_date, product_line_code, refers_to, margin)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    lines.stream().map(line -> row(importId, line)).toList(), TYPES);
            lines.clear();
        }
    }

    /**
     * A credit note sent again without a product line keeps the one it took when first imported,
     * when it is stored as one line: the order it names may meanwhile have gained a second product
     * line, and taking none this time would store the credit note twice (once per key).
     */
    private void keepStoredCreditNoteLines(long importId) {
        sql.sql("""
                MERGE INTO sales_import_stage s
                USING (SELECT o.customer_id, o.order_no, MIN(p.code) AS code
                       FROM sales_order o LEFT JOIN product_line p ON p.id = o.product_line_id
                       WHERE EXISTS (SELECT 1 FROM sales_import_stage t WHERE t.import_id = :id
                                       AND t.customer_id = o.customer_id AND t.order_no = o.order_no
                                       AND t.refers_to IS NOT NULL AND t.product_line_code IS NULL AND t.amount < 0)
                       GROUP BY o.customer_id, o.order_no
                       HAVING COUNT(*) = 1 AND COUNT(p.code) = 1 AND MAX(o.amount) < 0) a
                ON s.import_id = :id AND s.customer_id = a.customer_id AND s.order_no = a.order_no
                   AND s.refers_to IS NOT NULL AND s.product_line_code IS NULL AND s.amount < 0
                WHEN MATCHED THEN UPDATE SET product_line_code = a.code""")
                .param("id", importId).update();
    }

    /**
     * Every problem between lines, in line order: a credit note naming an order without a product
     * line first takes the order's, when all of that order's sale lines are on one; then lines
     * repeating an earlier line's key, credit notes naming an order the customer does not have,
     * and credit notes that together exceed the order they name.
     */
    List<LineError> problems(long importId) {
        keepStoredCreditNoteLines(importId);
        inheritProductLines(importId);
        List<LineError> problems = new ArrayList<>(duplicates(importId));
        problems.addAll(references(importId));
        problems.sort(Comparator.comparingLong(LineError::lineNo));
        return problems;
    }

    /** The new product line codes the staged lines name, for the merge to create. */
    List<String> newProductLineCodes(long importId) {
        return sql.sql("""
                SELECT DISTINCT s.product_line_code FROM sales_import_stage s
                WHERE s.import_id = :id AND s.product_line_code IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM product_line p WHERE p.code = s.product_line_code)
                ORDER BY s.product_line_code""").param("id", importId).query(String.class).list();
    }

    /**
     * Per source (stored lines, the file's lines) the order's sale lines say '' (none there), their
     * one product line code, or NULL (lines without one, or on several); the two together give the
     * order's one product line or none.
     */
    private void inheritProductLines(long importId) {
        sql.sql("""
                MERGE INTO sales_import_stage s
                USING (SELECT x.customer_id, x.order_no,
                              CASE WHEN x.stored = '' THEN NULLIF(x.staged, '') WHEN x.staged = '' THEN x.stored
                                   WHEN x.stored = x.staged THEN x.stored END AS code
                       FROM (SELECT r.customer_id, r.order_no,
                                (SELECT CASE WHEN COUNT(*) = 0 THEN ''
                                             WHEN COUNT(p.code) = COUNT(*) AND MIN(p.code) = MAX(p.code) THEN MIN(p.code) END
                                 FROM sales_order o LEFT JOIN product_line p ON p.id = o.product_line_id
                                 WHERE o.customer_id = r.customer_id AND o.order_no = r.order_no AND o.amount >= 0) AS stored,
                                (SELECT CASE WHEN COUNT(*) = 0 THEN ''
                                             WHEN COUNT(t.product_line_code) = COUNT(*)
                                              AND MIN(t.product_line_code) = MAX(t.product_line_code)
                                             THEN MIN(t.product_line_code) END
                                 FROM sales_import_stage t WHERE t.import_id = :id AND t.customer_id = r.customer_id
                                   AND t.order_no = r.order_no AND t.amount >= 0) AS staged
                             FROM (SELECT DISTINCT customer_id, refers_to AS order_no FROM sales_import_stage
                                   WHERE import_id = :id AND refers_to IS NOT NULL AND product_line_code IS NULL) r) x) a
                ON s.import_id = :id AND s.customer_id = a.customer_id AND s.refers_to = a.order_no
                   AND s.product_line_code IS NULL AND a.code IS NOT NULL
                WHEN MATCHED THEN UPDATE SET product_line_code = a.code""")
                .param("id", importId).update();
    }

    /** Lines repeating the customer, order number and product line of an earlier line. */
    private List<LineError> duplicates(long importId) {
        return sql.sql("""
                SELECT s.line_no, s.order_no, d.first_line FROM sales_import_stage s
                JOIN (SELECT customer_id, order_no, product_line_code, MIN(line_no) AS first_line
                      FROM sales_import_stage WHERE import_id = :id
                      GROUP BY customer_id, order_no, product_line_code HAVING COUNT(*) > 1) d
                  ON d.customer_id = s.customer_id AND d.order_no = s.order_no
                 AND d.product_line_code IS NOT DISTINCT FROM s.product_line_code
                WHERE s.import_id = :id AND s.line_no > d.first_line ORDER BY s.line_no""")
                .param("id", importId)
                .query((rs, n) -> new LineError(rs.getLong("line_no"), "order_no", rs.getString("order_no"),
                        Reason.DUPLICATE_ORDER, String.valueOf(rs.getLong("first_line")))).list();
    }

    /**
     * Credit notes naming an order: the order must have a sale line for that customer (stored or in
     * the file), and the credit notes naming it — stored ones the file does not replace, plus the
     * file's — may not come to more than its sale lines.
     */
    private List<LineError> references(long importId) {
        return sql.sql("""
                SELECT s.line_no, s.refers_to, a.sale_lines, a.sales, a.credits FROM sales_import_stage s
                JOIN (SELECT r.customer_id, r.order_no,
                        (SELECT COUNT(*) FROM sales_import_stage t WHERE t.import_id = :id
                           AND t.customer_id = r.customer_id AND t.order_no = r.order_no AND t.amount >= 0)
                        + (SELECT COUNT(*) FROM sales_order o LEFT JOIN product_line p ON p.id = o.product_line_id
                           WHERE o.customer_id = r.customer_id AND o.order_no = r.order_no AND o.amount >= 0
                             AND NOT %1$s) AS sale_lines,
                        COALESCE((SELECT SUM(t.amount) FROM sales_import_stage t WHERE t.import_id = :id
                           AND t.customer_id = r.customer_id AND t.order_no = r.order_no AND t.amount >= 0), 0)
                        + COALESCE((SELECT SUM(o.amount) FROM sales_order o
                           LEFT JOIN product_line p ON p.id = o.product_line_id
                           WHERE o.customer_id = r.customer_id AND o.order_no = r.order_no AND o.amount >= 0
                             AND NOT %1$s), 0) AS sales,
                        COALESCE((SELECT -SUM(t.amount) FROM sales_import_stage t WHERE t.import_id = :id
                           AND t.customer_id = r.customer_id AND t.refers_to = r.order_no AND t.amount < 0), 0)
                        + COALESCE((SELECT -SUM(o.amount) FROM sales_order o
                           LEFT JOIN product_line p ON p.id = o.product_line_id
                           WHERE o.customer_id = r.customer_id AND o.refers_to = r.order_no AND o.amount < 0
                             AND NOT %1$s), 0) AS credits
                      FROM (SELECT DISTINCT customer_id, refers_to AS order_no FROM sales_import_stage
                            WHERE import_id = :id AND refers_to IS NOT NULL) r) a
                  ON a.customer_id = s.customer_id AND a.order_no = s.refers_to
                WHERE s.import_id = :id AND (a.sale_lines = 0 OR a.credits > a.sales)
                ORDER BY s.line_no""".formatted(REPLACED))
                .param("id", importId)
                .query((rs, n) -> rs.getLong("sale_lines") == 0
                        ? new LineError(rs.getLong("line_no"), "refers_to", rs.getString("refers_to"),
                                Reason.UNKNOWN_ORDER, null)
                        : new LineError(rs.getLong("line_no"), "refers_to", rs.getString("refers_to"),
                                Reason.CREDIT_EXCEEDS_ORDER, SalesLineParser.moneyText(rs.getBigDecimal("sales"))))
                .list();
    }

    @Override
    public void discard(long importId) {
        jdbc.update("DELETE FROM sales_import_stage WHERE import_id = ?", importId);
    }

    private static Object[] row(long importId, SalesLine line) {
        return new Object[] {importId, line.lineNo(), line.customerId(), line.orderNo(), Date.valueOf(line.orderDate()),
            line.amount(), line.dueDate() == null ? null : Date.valueOf(line.dueDate()),
            line.paidDate() == null ? null : Date.valueOf(line.paidDate()), line.productLineCode(), line.refersTo(),
            line.margin()};
    }
}

package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks that need more than one line, in SQL over the staged lines (reads only; {@link
 * SalesStage} writes them), so memory stays bounded however long the file is.
 */
@Component
class StagedLineChecks {

    /**
     * A stored order line that a staged line with the same key (customer, number, product line)
     * replaces: it no longer counts once the file is merged. {@code o} is the stored line, {@code p}
     * its product line.
     */
    private static final String REPLACED = """
            EXISTS (SELECT 1 FROM sales_import_stage x WHERE x.import_id = :id AND x.customer_id = o.customer_id
                    AND x.order_no = o.order_no AND x.product_line_code IS NOT DISTINCT FROM p.code)""";

    private final JdbcClient sql;

    StagedLineChecks(JdbcClient sql) {
        this.sql = sql;
    }

    /** The new product line codes the staged lines name, for the merge to create. */
    List<String> newProductLineCodes(long importId) {
        return sql.sql("""
                SELECT DISTINCT s.product_line_code FROM sales_import_stage s
                WHERE s.import_id = :id AND s.product_line_code IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM product_line p WHERE p.code = s.product_line_code)
                ORDER BY s.product_line_code""").param("id", importId).query(String.class).list();
    }

    /** Lines repeating the customer, order number and product line of an earlier line. */
    List<LineError> duplicates(long importId) {
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
    List<LineError> references(long importId) {
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

}

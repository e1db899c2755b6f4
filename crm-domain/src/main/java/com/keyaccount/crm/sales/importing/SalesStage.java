package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.importing.ImportStage;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.sql.Date;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@code sales_import_stage}: checked order lines wait there, outside any
 * transaction, until the whole file is known to be good; only then are they merged.
 */
@Component
class SalesStage implements ImportStage {

    private static final int[] TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE,
        Types.NUMERIC, Types.DATE, Types.DATE};

    private final JdbcTemplate jdbc;

    SalesStage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one batch of lines and empties it, so memory never holds more than a batch. */
    void add(long importId, List<SalesLine> lines) {
        if (!lines.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO sales_import_stage (import_id, line_no, customer_id, order_no, order_date, amount,
                        due_date, paid_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    lines.stream().map(line -> row(importId, line)).toList(), TYPES);
            lines.clear();
        }
    }

    /** Lines repeating an order number of an earlier line for the same customer. */
    List<LineError> duplicates(long importId) {
        return jdbc.query("""
                SELECT s.line_no, s.order_no, d.first_line FROM sales_import_stage s
                JOIN (SELECT customer_id, order_no, MIN(line_no) AS first_line FROM sales_import_stage
                      WHERE import_id = ? GROUP BY customer_id, order_no HAVING COUNT(*) > 1) d
                  ON d.customer_id = s.customer_id AND d.order_no = s.order_no
                WHERE s.import_id = ? AND s.line_no > d.first_line ORDER BY s.line_no""",
                (rs, n) -> new LineError(rs.getLong("line_no"), "order_no", rs.getString("order_no"),
                        Reason.DUPLICATE_ORDER, String.valueOf(rs.getLong("first_line"))), importId, importId);
    }

    @Override
    public void discard(long importId) {
        jdbc.update("DELETE FROM sales_import_stage WHERE import_id = ?", importId);
    }

    private static Object[] row(long importId, SalesLine line) {
        return new Object[] {importId, line.lineNo(), line.customerId(), line.orderNo(), Date.valueOf(line.orderDate()),
            line.amount(), line.dueDate() == null ? null : Date.valueOf(line.dueDate()),
            line.paidDate() == null ? null : Date.valueOf(line.paidDate())};
    }
}

package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.importing.ImportStage;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.shared.DatabaseVendor;
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
 * transaction, until the whole file is known to be good; only then are they merged. On
 * PostgreSQL a file's lines stream in through one COPY while the file is read (the database
 * stores a batch while the next is parsed); on H2 they go in batches of inserts.
 */
@Component
class SalesStage implements ImportStage {

    private static final String COLUMNS = "import_id, line_no, customer_id, order_no, order_date, amount, due_date, "
            + "paid_date, product_line_code, refers_to, margin";
    private static final int[] TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE,
        Types.NUMERIC, Types.DATE, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.NUMERIC};

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final StagedLineChecks checks;
    private final boolean copy;

    SalesStage(JdbcTemplate jdbc, StagedLineChecks checks, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.checks = checks;
        this.copy = !database.isH2();
    }

    /**
     * Lines being staged: {@link Lines#add} keeps a line, {@link Lines#flush} hands what was
     * added to the database (memory never holds more than a batch), {@link Lines#finish} makes
     * them all visible. Closed without finishing, none of them is staged.
     */
    interface Lines extends AutoCloseable {
        void add(SalesLine line);

        void flush();

        void finish();

        @Override
        void close();
    }

    /** Starts staging an import's lines; close it in all cases. */
    Lines lines(long importId) {
        return copy ? new CopiedStageLines(jdbc, importId, COLUMNS) : new InsertedLines(importId);
    }

    /** Stages lines all at once (a pushed batch). */
    void add(long importId, List<SalesLine> lines) {
        try (Lines staged = lines(importId)) {
            lines.forEach(staged::add);
            staged.finish();
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
        List<LineError> problems = new ArrayList<>(checks.duplicates(importId));
        problems.addAll(checks.references(importId));
        problems.sort(Comparator.comparingLong(LineError::lineNo));
        return problems;
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

    @Override
    public void discard(long importId) {
        jdbc.update("DELETE FROM sales_import_stage WHERE import_id = ?", importId);
    }

    /** H2: batches of inserts. */
    private final class InsertedLines implements Lines {
        private final long importId;
        private final List<Object[]> rows = new ArrayList<>();

        InsertedLines(long importId) {
            this.importId = importId;
        }

        @Override
        public void add(SalesLine line) {
            rows.add(new Object[] {importId, line.lineNo(), line.customerId(), line.orderNo(),
                Date.valueOf(line.orderDate()), line.amount(), date(line.dueDate()), date(line.paidDate()),
                line.productLineCode(), line.refersTo(), line.margin()});
        }

        @Override
        public void flush() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO sales_import_stage (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rows, TYPES);
                rows.clear();
            }
        }

        @Override
        public void finish() {
            flush();
        }

        @Override
        public void close() {
            rows.clear();
        }

        private static Date date(java.time.LocalDate day) {
            return day == null ? null : Date.valueOf(day);
        }
    }
}

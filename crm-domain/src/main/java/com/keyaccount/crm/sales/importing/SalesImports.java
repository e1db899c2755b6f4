package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.exporting.SpreadsheetText;
import com.keyaccount.crm.importing.DataImport.Status;
import com.keyaccount.crm.importing.FileImport;
import com.keyaccount.crm.importing.ImportJobs;
import com.keyaccount.crm.importing.ImportKind;
import com.keyaccount.crm.importing.ImportReader;
import com.keyaccount.crm.importing.ImportReader.Reading;
import com.keyaccount.crm.importing.ImportRecords;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineSource;
import com.keyaccount.crm.productline.ProductLines;
import com.keyaccount.crm.shared.ControlCharacters;
import com.keyaccount.crm.tier.RecomputeRequests;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports sales (orders with payments, credit notes and returns) from CSV, all or nothing: the
 * whole file is checked, its valid lines staged in the database; only a file without a single
 * bad line is merged into {@code sales_order}, in one transaction with the product lines it
 * introduces, and then tiers are recomputed. Importing the same file twice changes nothing (a
 * line is keyed by customer, order number and product line). Streaming throughout:
 * memory holds the customer codes and one batch of lines, never the file. The file upload and
 * the ERP API both come here, which makes this the only writer of {@code sales_order}.
 */
@Service
public class SalesImports implements FileImport {

    static final int BATCH = 5_000;

    private final ImportJobs jobs;
    private final ImportReader reader;
    private final ImportRecords records;
    private final SalesStage stage;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecomputeRequests recompute;
    private final ProductLines productLines;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SalesImports(ImportJobs jobs, ImportReader reader, ImportRecords records, SalesStage stage, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, RecomputeRequests recompute, ProductLines productLines,
            Clock clock, ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.reader = reader;
        this.records = records;
        this.stage = stage;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.recompute = recompute;
        this.productLines = productLines;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SALES;
    }

    /** Imports the upload in the background; returns the import's id for its progress page. */
    @Override
    public long start(Viewer viewer, String fileName, LineSource file) {
        return jobs.start(viewer, ImportKind.SALES, fileName, file, this::run);
    }

    private void run(long id, LineSource file, String actor) throws IOException {
        try {
            SalesLineParser parser = new SalesLineParser(customerIdsByCode(), productLines.codes(),
                    productLines.createsOnImport());
            List<SalesLine> batch = new ArrayList<>(BATCH);
            Reading reading = reader.read(id, file, SalesLineParser.REQUIRED, BATCH,
                    (lineNo, cells, errors) -> parser.parse(lineNo, cells, errors).ifPresent(batch::add),
                    () -> stage.add(id, batch));
            reader.addErrors(id, reading, stage.problems(id));
            if (reading.badLines() > 0) {
                records.finish(id, Status.REJECTED, null, null, null, reading.badLines(), null);
                return;
            }
            long[] counts = transaction.execute(status -> apply(id, actor));
            boolean changed = counts[0] + counts[1] > 0;
            records.finish(id, Status.DONE, counts[0], counts[1], counts[2], 0L,
                    changed && recompute.startNowOrNext("SALES_IMPORT", actor) == Scheduled.RUNNING_ELSEWHERE
                            ? "RECOMPUTE_BUSY" : null);
        } finally {
            stage.discard(id);
        }
    }

    /**
     * Orders pushed through the API, with the file import's rules: every order is checked, and
     * only a batch without a single bad one is written (index = position in the batch). A batch is
     * recorded as an import of its own, rejected ones with their problems as a rejected file is.
     *
     * @throws RejectedOrdersException listing every problem, when any order is bad
     */
    public PushResult push(String actor, List<Map<String, String>> orders) {
        // read as the parser reads the cell; a code with a NUL is the parser's line error, never a query
        Map<String, Long> customers = customerIdsByCode(orders.stream()
                .map(o -> SpreadsheetText.restore(o.get("customer_code")))
                .filter(code -> code != null && !code.isBlank() && ControlCharacters.absentFrom(code, true))
                .map(String::strip).distinct().toList());
        SalesLineParser parser = new SalesLineParser(customers, productLines.codes(), productLines.createsOnImport());
        List<LineError> errors = new ArrayList<>();
        List<SalesLine> lines = new ArrayList<>();
        for (int index = 0; index < orders.size(); index++) {
            parser.parse(index, orders.get(index), errors::add).ifPresent(lines::add);
        }
        long id = records.begin(ImportKind.SALES, actor, "API");
        try {
            records.progress(id, orders.size());
            stage.add(id, lines);
            errors.addAll(stage.problems(id));
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparingLong(LineError::lineNo));
                records.saveErrors(id, errors.subList(0, Math.min(errors.size(), ImportReader.KEPT_ERRORS)));
                records.finish(id, Status.REJECTED, null, null, null,
                        errors.stream().mapToLong(LineError::lineNo).distinct().count(), null);
                throw new RejectedOrdersException(errors);
            }
            long[] counts = transaction.execute(status -> apply(id, actor));
            boolean changed = counts[0] + counts[1] > 0;
            records.finish(id, Status.DONE, counts[0], counts[1], counts[2], 0L,
                    changed && recompute.startNowOrNext("SALES_API", actor) == Scheduled.RUNNING_ELSEWHERE
                            ? "RECOMPUTE_BUSY" : null);
            return new PushResult(counts[0], counts[1], counts[2]);
        } catch (RejectedOrdersException e) {
            throw e;
        } catch (RuntimeException e) {
            // said now, not left RUNNING (and beating) until a restart: nothing was written
            try {
                records.finish(id, Status.FAILED, null, null, null, null, Objects.toString(e.getMessage(), e.toString()));
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        } finally {
            stage.discard(id);
        }
    }

    /** What a push did. */
    public record PushResult(long created, long updated, long unchanged) {
    }

    /**
     * The merge, in one transaction: new product line codes first (so the file's lines find their
     * product line), then created, updated and unchanged lines counted, then the lines written.
     * A line is identified by customer, order number and product line (none is a value of its own).
     * New or changed lines are news to others ({@link SalesMerged}: a prospect's first order wins it),
     * told in this transaction.
     */
    private long[] apply(long id, String actor) {
        productLines.createForImport(stage.newProductLineCodes(id), actor);
        long total = count("SELECT COUNT(*) FROM sales_import_stage WHERE import_id = ?", id);
        long created = count("""
                SELECT COUNT(*) FROM sales_import_stage s LEFT JOIN product_line p ON p.code = s.product_line_code
                WHERE s.import_id = ? AND NOT EXISTS (
                    SELECT 1 FROM sales_order o WHERE o.customer_id = s.customer_id AND o.order_no = s.order_no
                      AND o.product_line_id IS NOT DISTINCT FROM p.id)""", id);
        long unchanged = count("""
                SELECT COUNT(*) FROM sales_import_stage s LEFT JOIN product_line p ON p.code = s.product_line_code
                JOIN sales_order o ON o.customer_id = s.customer_id AND o.order_no = s.order_no
                  AND o.product_line_id IS NOT DISTINCT FROM p.id
                WHERE s.import_id = ? AND o.order_date = s.order_date AND o.amount = s.amount
                  AND o.due_date IS NOT DISTINCT FROM s.due_date AND o.paid_date IS NOT DISTINCT FROM s.paid_date
                  AND o.refers_to IS NOT DISTINCT FROM s.refers_to AND o.margin IS NOT DISTINCT FROM s.margin""", id);
        jdbc.update("""
                MERGE INTO sales_order o
                USING (SELECT s.customer_id, s.order_no, p.id AS product_line_id, s.order_date, s.amount, s.due_date,
                              s.paid_date, s.refers_to, s.margin
                       FROM sales_import_stage s LEFT JOIN product_line p ON p.code = s.product_line_code
                       WHERE s.import_id = ?) s
                ON o.customer_id = s.customer_id AND o.order_no = s.order_no
                   AND o.product_line_id IS NOT DISTINCT FROM s.product_line_id
                WHEN MATCHED AND (o.order_date <> s.order_date OR o.amount <> s.amount
                    OR o.due_date IS DISTINCT FROM s.due_date OR o.paid_date IS DISTINCT FROM s.paid_date
                    OR o.refers_to IS DISTINCT FROM s.refers_to OR o.margin IS DISTINCT FROM s.margin)
                  THEN UPDATE SET order_date = s.order_date, amount = s.amount, due_date = s.due_date,
                    paid_date = s.paid_date, refers_to = s.refers_to, margin = s.margin
                WHEN NOT MATCHED THEN INSERT (customer_id, order_no, product_line_id, order_date, amount, due_date,
                    paid_date, refers_to, margin, created_at)
                  VALUES (s.customer_id, s.order_no, s.product_line_id, s.order_date, s.amount, s.due_date,
                    s.paid_date, s.refers_to, s.margin, ?)""",
                id, OffsetDateTime.now(clock));
        if (total > unchanged) {
            events.publishEvent(new SalesMerged(actor));
        }
        return new long[] {created, total - created - unchanged, unchanged};
    }

    private long count(String sql, long id) {
        Long count = jdbc.queryForObject(sql, Long.class, id);
        return count == null ? 0 : count;
    }

    private Map<String, Long> customerIdsByCode() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, code FROM customer WHERE deleted = FALSE", rs -> {
            ids.put(rs.getString("code"), rs.getLong("id"));
        });
        return ids;
    }

    private Map<String, Long> customerIdsByCode(List<String> codes) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < codes.size(); from += 1_000) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + 1_000));
            jdbc.query("SELECT id, code FROM customer WHERE deleted = FALSE AND code IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        ids.put(rs.getString("code"), rs.getLong("id"));
                    }, chunk.toArray());
        }
        return ids;
    }
}

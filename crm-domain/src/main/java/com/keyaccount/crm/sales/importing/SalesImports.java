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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports sales (orders with payments, credit notes and returns) from CSV, all or nothing: the
 * whole file is checked, its valid lines staged in the database; only a file without a single
 * bad line is merged into {@code sales_order} ({@link SalesMerge}), in one transaction with the
 * product lines it introduces, and then tiers are recomputed. Importing the same file twice changes nothing (a
 * line is keyed by customer, order number and product line). Streaming throughout:
 * memory holds the customer codes and one batch of lines, never the file. The file upload and
 * the ERP API both come here.
 */
@Service
public class SalesImports implements FileImport {

    static final int BATCH = 5_000;

    private static final Logger log = LoggerFactory.getLogger(SalesImports.class);

    private final ImportJobs jobs;
    private final ImportReader reader;
    private final ImportRecords records;
    private final SalesStage stage;
    private final SalesMerge merge;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecomputeRequests recompute;
    private final ProductLines productLines;

    SalesImports(ImportJobs jobs, ImportReader reader, ImportRecords records, SalesStage stage, SalesMerge merge,
            JdbcTemplate jdbc, PlatformTransactionManager transactions, RecomputeRequests recompute,
            ProductLines productLines) {
        this.jobs = jobs;
        this.reader = reader;
        this.records = records;
        this.stage = stage;
        this.merge = merge;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.recompute = recompute;
        this.productLines = productLines;
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
            long started = System.nanoTime();
            Reading reading;
            try (SalesStage.Lines staged = stage.lines(id)) {
                reading = reader.read(id, file, SalesLineParser.REQUIRED, BATCH,
                        (lineNo, cells, errors) -> parser.parse(lineNo, cells, errors).ifPresent(staged::add),
                        staged::flush);
                staged.finish();
            }
            long read = System.nanoTime();
            reader.addErrors(id, reading, stage.problems(id));
            long checked = System.nanoTime();
            log.debug("import {}: read, checked and staged in {} ms; checks across lines {} ms", id,
                    (read - started) / 1_000_000, (checked - read) / 1_000_000);
            if (reading.badLines() > 0) {
                records.finish(id, Status.REJECTED, null, null, null, reading.badLines(), null);
                return;
            }
            long[] counts = transaction.execute(status -> merge.apply(id, actor));
            log.debug("import {}: merged and committed in {} ms", id, (System.nanoTime() - checked) / 1_000_000);
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
            long[] counts = transaction.execute(status -> merge.apply(id, actor));
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

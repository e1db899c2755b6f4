package com.keyaccount.crm.sales.importing;

import com.keyaccount.crm.sales.importing.DataImport.Status;
import com.keyaccount.crm.sales.importing.LineError.Reason;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports sales (orders with payments) from CSV, all or nothing: the whole file is checked,
 * its valid lines staged in the database; only a file without a single bad line is merged into
 * {@code sales_order}, in one transaction, and then tiers are recomputed. Importing the same
 * file twice changes nothing ({@code order_no} is unique per customer). Streaming throughout:
 * memory holds the customer codes and one batch of lines, never the file.
 */
@Service
public class SalesImports {

    static final int BATCH = 5_000;
    /** Bad lines kept for the report; the count is always exact. */
    static final int KEPT_ERRORS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SalesImports.class);
    private static final int[] STAGE_TYPES = {Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE,
        Types.NUMERIC, Types.DATE, Types.DATE};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TierRecompute recompute;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sales-import");
        thread.setDaemon(true);
        return thread;
    });

    public SalesImports(JdbcTemplate jdbc, PlatformTransactionManager transactions, TierRecompute recompute,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.recompute = recompute;
        this.clock = clock;
    }

    /**
     * Registers the upload and imports it in the background (one import at a time); the file is
     * deleted when done. Returns the import's id for its progress page.
     */
    public long start(Viewer viewer, String fileName, Path file) {
        requireLeadership(viewer);
        long id = register(viewer.username(), fileName);
        background.execute(() -> {
            try {
                run(id, file, viewer.username());
            } finally {
                deleteQuietly(file);
            }
        });
        return id;
    }

    public Optional<DataImport> find(Viewer viewer, long id) {
        requireLeadership(viewer);
        return jdbc.query("SELECT * FROM data_import WHERE id = ?", SalesImports::dataImport, id).stream().findFirst();
    }

    public List<DataImport> recent(Viewer viewer) {
        requireLeadership(viewer);
        return jdbc.query("SELECT * FROM data_import ORDER BY started_at DESC, id DESC LIMIT 20",
                SalesImports::dataImport);
    }

    /** The kept bad lines in line order, at most {@code limit}. */
    public List<LineError> errors(Viewer viewer, long id, int limit) {
        requireLeadership(viewer);
        return jdbc.query("""
                SELECT line_no, column_name, cell_value, reason, detail FROM data_import_error
                WHERE import_id = ? ORDER BY line_no, column_name LIMIT ?""",
                (rs, n) -> new LineError(rs.getLong("line_no"), rs.getString("column_name"),
                        rs.getString("cell_value"), Reason.valueOf(rs.getString("reason")), rs.getString("detail")),
                id, limit);
    }

    void run(long id, Path file, String actor) {
        try {
            Charset charset = TextFiles.detect(file);
            jdbc.update("UPDATE data_import SET charset = ? WHERE id = ?", charset.name(), id);
            Checked checked = checkAndStage(id, file, charset);
            long bad = checked.badLines + duplicates(id, checked);
            if (bad > 0) {
                finish(id, Status.REJECTED, checked.rows, null, null, null, bad, null);
                return;
            }
            long[] counts = transaction.execute(status -> apply(id));
            finish(id, Status.DONE, checked.rows, counts[0], counts[1], counts[2], 0L,
                    counts[0] + counts[1] > 0 ? recomputeAfterImport(id, actor) : null);
        } catch (IOException | RuntimeException e) {
            log.error("Sales import {} failed", id, e);
            finish(id, Status.FAILED, 0, null, null, null, null, Objects.toString(e.getMessage(), e.toString()));
        } finally {
            jdbc.update("DELETE FROM sales_import_stage WHERE import_id = ?", id);
        }
    }

    private String recomputeAfterImport(long id, String actor) {
        return recompute.start("SALES_IMPORT", actor) ? null : "RECOMPUTE_BUSY";
    }

    private static final class Checked {
        long rows;
        long badLines;
        long keptErrors;
        long lastBadLine = -1;
    }

    private Checked checkAndStage(long id, Path file, Charset charset) throws IOException {
        Map<String, Long> customers = customerIdsByCode();
        SalesLineParser parser = new SalesLineParser(customers);
        Checked checked = new Checked();
        List<Object[]> stage = new ArrayList<>(BATCH);
        List<Object[]> errors = new ArrayList<>();
        Consumer<LineError> sink = error -> {
            if (error.lineNo() != checked.lastBadLine) {
                checked.badLines++;
                checked.lastBadLine = error.lineNo();
            }
            if (checked.keptErrors++ < KEPT_ERRORS) {
                errors.add(errorRow(id, error));
            }
        };
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(TextFiles.delimiter(file, charset)).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (Reader reader = Files.newBufferedReader(file, charset); CSVParser csv = CSVParser.parse(reader, format)) {
            List<String> header = csv.getHeaderNames();
            List<LineError> headerErrors = SalesLineParser.checkHeader(header);
            if (!headerErrors.isEmpty()) {
                headerErrors.forEach(sink);
                saveErrors(errors);
                return checked;
            }
            for (CSVRecord record : csv) {
                long lineNo = record.getRecordNumber() + 1;
                checked.rows++;
                if (!record.isConsistent()) {
                    sink.accept(new LineError(lineNo, null, null, Reason.WRONG_FIELD_COUNT,
                            record.size() + "/" + header.size()));
                    continue;
                }
                parser.parse(lineNo, cells(header, record), sink).ifPresent(line -> stage.add(stageRow(id, line)));
                if (stage.size() >= BATCH) {
                    flush(stage, errors, id, checked.rows);
                }
            }
            flush(stage, errors, id, checked.rows);
        }
        return checked;
    }

    private static Map<String, String> cells(List<String> header, CSVRecord record) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(SalesLineParser.normalise(header.get(i)), record.get(i));
        }
        return cells;
    }

    private void flush(List<Object[]> stage, List<Object[]> errors, long id, long rows) {
        if (!stage.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO sales_import_stage (import_id, line_no, customer_id, order_no, order_date, amount,
                        due_date, paid_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", stage, STAGE_TYPES);
            stage.clear();
        }
        saveErrors(errors);
        jdbc.update("UPDATE data_import SET rows_read = ? WHERE id = ?", rows, id);
    }

    private void saveErrors(List<Object[]> errors) {
        if (!errors.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO data_import_error (import_id, line_no, column_name, cell_value, reason, detail)
                    VALUES (?, ?, ?, ?, ?, ?)""", errors);
            errors.clear();
        }
    }

    /** Lines repeating an order number of an earlier line for the same customer. */
    private long duplicates(long id, Checked checked) {
        List<Object[]> errors = jdbc.query("""
                SELECT s.line_no, s.order_no, d.first_line FROM sales_import_stage s
                JOIN (SELECT customer_id, order_no, MIN(line_no) AS first_line FROM sales_import_stage
                      WHERE import_id = ? GROUP BY customer_id, order_no HAVING COUNT(*) > 1) d
                  ON d.customer_id = s.customer_id AND d.order_no = s.order_no
                WHERE s.import_id = ? AND s.line_no > d.first_line ORDER BY s.line_no""",
                (rs, n) -> errorRow(id, new LineError(rs.getLong("line_no"), "order_no", rs.getString("order_no"),
                        Reason.DUPLICATE_ORDER, String.valueOf(rs.getLong("first_line")))), id, id);
        long room = Math.max(0, KEPT_ERRORS - checked.keptErrors);
        saveErrors(new ArrayList<>(errors.subList(0, (int) Math.min(room, errors.size()))));
        return errors.size();
    }

    /** Created, updated and unchanged orders; then the merge itself. */
    private long[] apply(long id) {
        long total = count("SELECT COUNT(*) FROM sales_import_stage WHERE import_id = ?", id);
        long created = count("""
                SELECT COUNT(*) FROM sales_import_stage s WHERE s.import_id = ? AND NOT EXISTS (
                    SELECT 1 FROM sales_order o WHERE o.customer_id = s.customer_id AND o.order_no = s.order_no)""", id);
        long unchanged = count("""
                SELECT COUNT(*) FROM sales_import_stage s JOIN sales_order o
                  ON o.customer_id = s.customer_id AND o.order_no = s.order_no
                WHERE s.import_id = ? AND o.order_date = s.order_date AND o.amount = s.amount
                  AND o.due_date IS NOT DISTINCT FROM s.due_date AND o.paid_date IS NOT DISTINCT FROM s.paid_date""", id);
        jdbc.update("""
                MERGE INTO sales_order o
                USING (SELECT customer_id, order_no, order_date, amount, due_date, paid_date
                       FROM sales_import_stage WHERE import_id = ?) s
                ON o.customer_id = s.customer_id AND o.order_no = s.order_no
                WHEN MATCHED AND (o.order_date <> s.order_date OR o.amount <> s.amount
                    OR o.due_date IS DISTINCT FROM s.due_date OR o.paid_date IS DISTINCT FROM s.paid_date)
                  THEN UPDATE SET order_date = s.order_date, amount = s.amount, due_date = s.due_date,
                    paid_date = s.paid_date
                WHEN NOT MATCHED THEN INSERT (customer_id, order_no, order_date, amount, due_date, paid_date, created_at)
                  VALUES (s.customer_id, s.order_no, s.order_date, s.amount, s.due_date, s.paid_date, ?)""",
                id, OffsetDateTime.now(clock));
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

    private long register(String actor, String fileName) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO data_import (kind, file_name, started_by, started_at, status)
                    VALUES ('SALES', ?, ?, ?, 'RUNNING')""", new String[] {"id"});
            ps.setString(1, fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
            ps.setString(2, actor);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private void finish(long id, Status status, long rows, Long created, Long updated, Long unchanged, Long bad,
            String message) {
        jdbc.update("""
                UPDATE data_import SET status = ?, finished_at = ?, rows_read = ?, created = ?, updated = ?,
                    unchanged = ?, bad_lines = ?, message = ? WHERE id = ?""", status.name(),
                Timestamp.from(clock.instant()), rows, created, updated, unchanged, bad,
                message == null ? null : message.substring(0, Math.min(1000, message.length())), id);
    }

    private static Object[] stageRow(long id, SalesLine line) {
        return new Object[] {id, line.lineNo(), line.customerId(), line.orderNo(), Date.valueOf(line.orderDate()),
            line.amount(), line.dueDate() == null ? null : Date.valueOf(line.dueDate()),
            line.paidDate() == null ? null : Date.valueOf(line.paidDate())};
    }

    private static Object[] errorRow(long id, LineError error) {
        return new Object[] {id, error.lineNo(), error.column(), error.value(), error.reason().name(),
            error.detail()};
    }

    private static DataImport dataImport(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new DataImport(rs.getLong("id"), rs.getString("file_name"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                Status.valueOf(rs.getString("status")), rs.getString("charset"), rs.getLong("rows_read"),
                (Long) nullable(rs, "created"), (Long) nullable(rs, "updated"), (Long) nullable(rs, "unchanged"),
                (Long) nullable(rs, "bad_lines"), rs.getString("message"));
    }

    private static Object nullable(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void requireLeadership(Viewer viewer) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("import sales");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete uploaded file {}", file, e);
        }
    }
}

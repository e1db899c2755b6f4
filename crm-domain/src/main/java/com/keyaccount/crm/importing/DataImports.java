package com.keyaccount.crm.importing;

import com.keyaccount.crm.importing.DataImport.Status;
import com.keyaccount.crm.importing.LineError.Reason;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

/**
 * What every CSV import shares: the {@code data_import} row with its progress and outcome, the
 * kept bad lines, one background thread (imports run one at a time), and the streaming read of
 * a file with its header check. The kinds differ only in how they check a line and apply a file.
 */
@Service
public class DataImports {

    /** Bad lines kept for the report; the count is always exact. */
    public static final int KEPT_ERRORS = 10_000;
    /** Far longer than a batch of lines takes; the final merge of even millions of lines takes minutes. */
    static final Duration SILENCE = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(DataImports.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "data-import");
        thread.setDaemon(true);
        return thread;
    });

    public DataImports(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers the upload and runs {@code job} on it in the background; the file is deleted after. */
    public long start(Viewer viewer, ImportKind kind, String fileName, Path file, ImportJob job) {
        requireLeadership(viewer);
        long id = begin(kind, viewer.username(), fileName);
        background.execute(() -> {
            try {
                job.run(id, file, viewer.username());
            } catch (IOException | RuntimeException | Error e) {
                // whatever went wrong, the page must not show "running" for ever
                log.error("Import {} failed", id, e);
                finish(id, Status.FAILED, null, null, null, null, Objects.toString(e.getMessage(), e.toString()));
                if (e instanceof Error error) {
                    throw error;
                }
            } finally {
                deleteQuietly(file);
            }
        });
        return id;
    }

    /** The work of one import kind. */
    @FunctionalInterface
    public interface ImportJob {
        void run(long importId, Path file, String actor) throws IOException;
    }

    public Optional<DataImport> find(Viewer viewer, long id) {
        requireLeadership(viewer);
        failInterrupted();
        return jdbc.query("SELECT * FROM data_import WHERE id = ?", DataImports::dataImport, id).stream().findFirst();
    }

    public List<DataImport> recent(Viewer viewer, ImportKind kind) {
        requireLeadership(viewer);
        failInterrupted();
        return jdbc.query("SELECT * FROM data_import WHERE kind = ? ORDER BY started_at DESC, id DESC LIMIT 20",
                DataImports::dataImport, kind.name());
    }

    /**
     * Imports whose instance stopped mid-file (no heartbeat for {@link #SILENCE}) failed; their
     * staged lines never reached the real tables and are removed.
     */
    private void failInterrupted() {
        Timestamp silentSince = Timestamp.from(clock.instant().minus(SILENCE));
        List<Long> interrupted = jdbc.queryForList("SELECT id FROM data_import WHERE status = 'RUNNING' "
                + "AND heartbeat_at < ?", Long.class, silentSince);
        for (long id : interrupted) {
            jdbc.update("DELETE FROM sales_import_stage WHERE import_id = ?", id);
            jdbc.update("DELETE FROM customer_import_stage WHERE import_id = ?", id);
            jdbc.update("UPDATE data_import SET status = 'FAILED', finished_at = ?, message = 'INTERRUPTED' "
                    + "WHERE id = ? AND status = 'RUNNING'", Timestamp.from(clock.instant()), id);
        }
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

    /** How many lines a file had and how many of them were bad. */
    public static final class Reading {
        long rows;
        long badLines;
        long keptErrors;
        private long lastBadLine = -1;

        public long rows() {
            return rows;
        }

        public long badLines() {
            return badLines;
        }
    }

    /**
     * Reads the file line by line: checks the header for the {@code required} columns, then hands
     * each line to {@code handler}; every {@code batch} lines {@code flush} runs (to write staged
     * lines) and the progress is saved.
     */
    public Reading read(long id, Path file, List<String> required, int batch, LineHandler handler, Runnable flush)
            throws IOException {
        Charset charset = TextFiles.detect(file);
        jdbc.update("UPDATE data_import SET charset = ? WHERE id = ?", charset.name(), id);
        Reading reading = new Reading();
        List<LineError> errors = new ArrayList<>();
        Consumer<LineError> sink = error -> count(reading, errors, error);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(TextFiles.delimiter(file, charset)).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (Reader reader = Files.newBufferedReader(file, charset); CSVParser csv = CSVParser.parse(reader, format)) {
            List<String> header = csv.getHeaderNames().stream().map(DataImports::normalise).toList();
            required.stream().filter(column -> !header.contains(column))
                    .forEach(column -> sink.accept(new LineError(1, column, null, Reason.MISSING_COLUMN, null)));
            if (reading.badLines > 0) {
                saveErrors(id, errors);
                return reading;
            }
            for (CSVRecord record : csv) {
                long lineNo = record.getRecordNumber() + 1;
                reading.rows++;
                if (!record.isConsistent()) {
                    sink.accept(new LineError(lineNo, null, null, Reason.WRONG_FIELD_COUNT,
                            record.size() + "/" + header.size()));
                } else {
                    handler.line(lineNo, cells(header, record), sink);
                }
                if (reading.rows % batch == 0) {
                    progress(id, reading, errors, flush);
                }
            }
            progress(id, reading, errors, flush);
        }
        return reading;
    }

    /** Reports bad lines found after reading (e.g. duplicates across lines, found in the database). */
    public void addErrors(long id, Reading reading, List<LineError> found) {
        List<LineError> kept = new ArrayList<>();
        found.forEach(error -> count(reading, kept, error));
        saveErrors(id, kept);
    }

    private static void count(Reading reading, List<LineError> kept, LineError error) {
        if (error.lineNo() != reading.lastBadLine) {
            reading.badLines++;
            reading.lastBadLine = error.lineNo();
        }
        if (reading.keptErrors++ < KEPT_ERRORS) {
            kept.add(error);
        }
    }

    private void progress(long id, Reading reading, List<LineError> errors, Runnable flush) {
        flush.run();
        saveErrors(id, errors);
        jdbc.update("UPDATE data_import SET rows_read = ?, heartbeat_at = ? WHERE id = ?", reading.rows,
                Timestamp.from(clock.instant()), id);
    }

    private void saveErrors(long id, List<LineError> errors) {
        if (!errors.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO data_import_error (import_id, line_no, column_name, cell_value, reason, detail)
                    VALUES (?, ?, ?, ?, ?, ?)""", errors.stream().map(e -> new Object[] {id, e.lineNo(), e.column(),
                        e.value(), e.reason().name(), e.detail()}).toList());
            errors.clear();
        }
    }

    public static String normalise(String headerName) {
        return headerName.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> cells(List<String> header, CSVRecord record) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), record.get(i));
        }
        return cells;
    }

    public void finish(long id, Status status, Long created, Long updated, Long unchanged, Long bad, String message) {
        jdbc.update("""
                UPDATE data_import SET status = ?, finished_at = ?, created = ?, updated = ?, unchanged = ?,
                    bad_lines = ?, message = ? WHERE id = ?""", status.name(), Timestamp.from(clock.instant()),
                created, updated, unchanged, bad,
                message == null ? null : message.substring(0, Math.min(1000, message.length())), id);
    }

    /** Registers an import that the caller runs itself (e.g. one pushed through the API). */
    public long begin(ImportKind kind, String actor, String fileName) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO data_import (kind, file_name, started_by, started_at, heartbeat_at, status)
                    VALUES (?, ?, ?, ?, ?, 'RUNNING')""", new String[] {"id"});
            ps.setString(1, kind.name());
            ps.setString(2, fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
            ps.setString(3, actor);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private static DataImport dataImport(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new DataImport(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), Status.valueOf(rs.getString("status")),
                rs.getString("charset"), rs.getLong("rows_read"), nullable(rs, "created"), nullable(rs, "updated"),
                nullable(rs, "unchanged"), nullable(rs, "bad_lines"), rs.getString("message"));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static void requireLeadership(Viewer viewer) {
        if (!viewer.role().seesAllCustomers()) {
            throw new NotPermittedException("import data");
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

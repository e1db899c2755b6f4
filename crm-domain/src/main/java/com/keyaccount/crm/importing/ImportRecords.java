package com.keyaccount.crm.importing;

import com.keyaccount.crm.importing.DataImport.Status;
import com.keyaccount.crm.importing.LineError.Reason;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@code data_import} and {@code data_import_error}: every import's row with
 * its progress and outcome, and its kept bad lines. Plain JDBC outside any transaction on
 * purpose: progress and heartbeats must be visible to the import page while the file is read.
 * <p>
 * It also knows which imports this instance has begun and not finished, queued ones included,
 * and {@link #beatLive() beats} for them from a timer thread: an import's heartbeat then means
 * "its server is alive", even during a merge that runs for minutes.
 */
@Component
public class ImportRecords {

    /** A stopped import's message: the page says "failed: the server stopped". */
    public static final String SERVER_STOPPED = "SERVER_STOPPED";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ImportMetrics metrics;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();

    ImportRecords(JdbcTemplate jdbc, Clock clock, ImportMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** An import this instance works on: what its metrics are tagged with, when its work started, lines read. */
    private static final class Live {
        final ImportKind kind;
        final String source;
        volatile long startedNanos = System.nanoTime();
        volatile long rows;

        Live(ImportKind kind, String source) {
            this.kind = kind;
            this.source = source;
        }
    }

    /** A new import of pushed data (the ERP API), RUNNING, with a heartbeat from now. */
    public long begin(ImportKind kind, String actor, String fileName) {
        return begin(kind, actor, fileName, null, "api");
    }

    /** A new import of the uploaded file kept at {@code uploadFile} (null: none), beating until it finishes. */
    long begin(ImportKind kind, String actor, String fileName, String uploadFile) {
        return begin(kind, actor, fileName, uploadFile, "file");
    }

    private long begin(ImportKind kind, String actor, String fileName, String uploadFile, String source) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO data_import (kind, file_name, started_by, started_at, heartbeat_at, status, upload_file)
                    VALUES (?, ?, ?, ?, ?, 'RUNNING', ?)""", new String[] {"id"});
            ps.setString(1, kind.name());
            ps.setString(2, fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
            ps.setString(3, actor);
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
            ps.setString(6, uploadFile == null || uploadFile.length() > 1000 ? null : uploadFile);
            return ps;
        }, key);
        long id = Objects.requireNonNull(key.getKey()).longValue();
        live.put(id, new Live(kind, source));
        return id;
    }

    /** Its queued job starts now: the pace an import is measured by leaves out its wait in the queue. */
    void working(long id) {
        Live work = live.get(id);
        if (work != null) {
            work.startedNanos = System.nanoTime();
        }
    }

    /** Touches the heartbeat of every import this instance has begun and not finished. */
    void beatLive() {
        if (!live.isEmpty()) {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.batchUpdate("UPDATE data_import SET heartbeat_at = ? WHERE id = ? AND status = 'RUNNING'",
                    live.keySet().stream().map(id -> new Object[] {now, id}).toList());
        }
    }

    /** This instance no longer works on the import (it finished, or its job ended anyhow). */
    void forget(long id) {
        live.remove(id);
    }

    void charset(long id, String charset) {
        jdbc.update("UPDATE data_import SET charset = ? WHERE id = ?", charset, id);
    }

    /** Lines read so far; also the heartbeat that tells a live import from one whose instance died. */
    public void progress(long id, long rowsRead) {
        int updated = jdbc.update("UPDATE data_import SET rows_read = ?, heartbeat_at = ? WHERE id = ? "
                + "AND status = 'RUNNING'", rowsRead, Timestamp.from(clock.instant()), id);
        if (updated == 0) {
            // another instance took it for abandoned (no heartbeat for minutes) and cleared its stage
            throw new IllegalStateException("import " + id + " is no longer running; stopped reading");
        }
        Live work = live.get(id);
        if (work != null) {
            work.rows = rowsRead;
        }
    }

    /** Keeps bad lines for the import's page and report. */
    public void saveErrors(long id, List<LineError> errors) {
        if (!errors.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO data_import_error (import_id, line_no, column_name, cell_value, reason, detail)
                    VALUES (?, ?, ?, ?, ?, ?)""", errors.stream().map(e -> new Object[] {id, e.lineNo(), e.column(),
                        e.value(), e.reason().name(), e.detail()}).toList());
        }
    }

    public void finish(long id, Status status, Long created, Long updated, Long unchanged, Long bad, String message) {
        Live ended = live.remove(id);
        if (ended != null) {
            metrics.finished(ended.kind, ended.source, status, ended.rows, System.nanoTime() - ended.startedNanos);
        }
        jdbc.update("""
                UPDATE data_import SET status = ?, finished_at = ?, created = ?, updated = ?, unchanged = ?,
                    bad_lines = ?, message = ? WHERE id = ?""", status.name(), Timestamp.from(clock.instant()),
                created, updated, unchanged, bad,
                message == null ? null : message.substring(0, Math.min(1000, message.length())), id);
    }

    /** An import still RUNNING whose server has not beaten for a while, and its uploaded file if one was kept. */
    record Silent(long id, String uploadFile) {
    }

    /** Imports still RUNNING whose last heartbeat is older than {@code silentSince}. */
    List<Silent> silentSince(Instant silentSince) {
        return jdbc.query("SELECT id, upload_file FROM data_import WHERE status = 'RUNNING' AND heartbeat_at < ?",
                (rs, n) -> new Silent(rs.getLong("id"), rs.getString("upload_file")), Timestamp.from(silentSince));
    }

    /**
     * Fails an import whose server stopped ({@link #SERVER_STOPPED}), only if it is still RUNNING
     * and still silent: a late heartbeat's import keeps running, a finished one its outcome. True
     * when it did (of several instances noticing, one wins).
     */
    boolean stopped(long id, Instant silentSince) {
        return jdbc.update("UPDATE data_import SET status = 'FAILED', finished_at = ?, message = ? "
                + "WHERE id = ? AND status = 'RUNNING' AND heartbeat_at < ?", Timestamp.from(clock.instant()),
                SERVER_STOPPED, id, Timestamp.from(silentSince)) == 1;
    }

    /** The uploaded files of imports still RUNNING (anywhere): a sweep of the upload directory keeps them. */
    List<String> uploadsInUse() {
        return jdbc.queryForList("SELECT upload_file FROM data_import WHERE status = 'RUNNING' "
                + "AND upload_file IS NOT NULL", String.class);
    }

    Optional<DataImport> find(long id) {
        return jdbc.query("SELECT * FROM data_import WHERE id = ?", ImportRecords::dataImport, id).stream().findFirst();
    }

    List<DataImport> recent(ImportKind kind, int limit) {
        return jdbc.query("SELECT * FROM data_import WHERE kind = ? ORDER BY started_at DESC, id DESC LIMIT ?",
                ImportRecords::dataImport, kind.name(), limit);
    }

    /** The kept bad lines in line order, at most {@code limit}. */
    List<LineError> errors(long id, int limit) {
        return jdbc.query("""
                SELECT line_no, column_name, cell_value, reason, detail FROM data_import_error
                WHERE import_id = ? ORDER BY line_no, column_name LIMIT ?""",
                (rs, n) -> new LineError(rs.getLong("line_no"), rs.getString("column_name"),
                        rs.getString("cell_value"), Reason.valueOf(rs.getString("reason")), rs.getString("detail")),
                id, limit);
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
}

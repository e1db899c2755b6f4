package com.keyaccount.crm.sales.importing;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * {@link SalesStage}'s lines on PostgreSQL (only it makes them): one COPY for the whole file, on a
 * connection of its own (the transaction's, if one is active), fed a batch at a time; the rows
 * exist only once it ends.
 */
final class CopiedStageLines implements SalesStage.Lines {

    /** Staged lines from which the stage's statistics are taken afresh (a few ms; small pushes skip it). */
    private static final int ANALYZED = 10_000;

    private final JdbcTemplate jdbc;
    private final long importId;
    private final String columns;
    private final DataSource dataSource;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private Connection connection;
    private CopyIn copyIn;
    private long rows;

    CopiedStageLines(JdbcTemplate jdbc, long importId, String columns) {
        this.jdbc = jdbc;
        this.importId = importId;
        this.columns = columns;
        this.dataSource = jdbc.getDataSource();
    }

    @Override
    public void add(SalesLine line) {
        CopyText.row(text, importId, line);
        rows++;
    }

    @Override
    public void flush() {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        try {
            if (copyIn == null) {
                connection = DataSourceUtils.getConnection(dataSource);
                copyIn = connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY sales_import_stage (" + columns + ") FROM STDIN");
            }
            copyIn.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("could not stage the sales lines", e);
        }
    }

    @Override
    public void finish() {
        flush();
        if (copyIn != null) {
            try {
                copyIn.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("could not stage the sales lines", e);
            } finally {
                copyIn = null;
            }
            // the checks and the merge join the stage: planned on statistics taken while it
            // was empty (or held another file), a million lines would be joined row by row
            if (rows >= ANALYZED) {
                jdbc.execute("ANALYZE sales_import_stage");
            }
        }
    }

    @Override
    public void close() {
        try {
            if (copyIn != null && copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        } catch (SQLException e) {
            // the connection goes back to the pool below; a broken one is replaced there
        } finally {
            copyIn = null;
            if (connection != null) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                connection = null;
            }
        }
    }
}

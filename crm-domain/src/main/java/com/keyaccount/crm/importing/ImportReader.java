package com.keyaccount.crm.importing;

import com.keyaccount.crm.importing.LineError.Reason;
import com.keyaccount.crm.importing.TabularFile.Line;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The check every file import shares: the header has the required columns, every line has as
 * many cells as the header, and each line goes to the kind's own check; bad lines are counted
 * exactly and the first {@link #KEPT_ERRORS} kept for the report. Streaming: one batch of lines
 * at a time is in memory, handed to the caller's flush (staging) before the next.
 */
@Component
public class ImportReader {

    /** Bad lines kept for the report; the count is always exact. */
    public static final int KEPT_ERRORS = 10_000;

    private final ImportRecords records;

    ImportReader(ImportRecords records) {
        this.records = records;
    }

    /** How many lines a file had and how many of them were bad. */
    public static final class Reading {
        private long rows;
        private long badLines;
        private long keptErrors;
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
     * lines) and the progress is saved. A file missing a required column is not read further.
     */
    public Reading read(long id, LineSource source, List<String> required, int batch, LineHandler handler,
            Runnable flush) throws IOException {
        Reading reading = new Reading();
        List<LineError> errors = new ArrayList<>();
        Consumer<LineError> sink = error -> count(reading, errors, error);
        try (TabularFile file = source.open()) {
            records.charset(id, file.charset());
            List<String> header = file.header();
            required.stream().filter(column -> !header.contains(column))
                    .forEach(column -> sink.accept(new LineError(1, column, null, Reason.MISSING_COLUMN, null)));
            if (reading.badLines > 0) {
                records.saveErrors(id, errors);
                return reading;
            }
            for (Line line = file.next(); line != null; line = file.next()) {
                reading.rows++;
                if (line.cells().size() != header.size()) {
                    sink.accept(new LineError(line.lineNo(), null, null, Reason.WRONG_FIELD_COUNT,
                            line.cells().size() + "/" + header.size()));
                } else {
                    handler.line(line.lineNo(), cells(header, line.cells()), sink);
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
        records.saveErrors(id, kept);
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
        records.saveErrors(id, errors);
        errors.clear();
        records.progress(id, reading.rows);
    }

    /** By column name; of a repeated (blank) column name the last cell stays, and no check reads it. */
    private static Map<String, String> cells(List<String> header, List<String> cells) {
        Map<String, String> byColumn = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byColumn.put(header.get(i), cells.get(i));
        }
        return byColumn;
    }
}

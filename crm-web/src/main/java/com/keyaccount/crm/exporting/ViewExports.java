package com.keyaccount.crm.exporting;

import com.keyaccount.crm.user.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * "Export this view": the rows a list page shows for its filters, every page of them, as CSV or
 * Excel in the reader's language (headers {@code export.column.<view>.<code>} or
 * {@code export.column.<code>}, coded values by their labels, a frozen header row in Excel).
 * Rows stream to the response; past {@link #MAX_ROWS} the file ends with a row saying how many
 * were left out, so a huge view never holds the server up.
 */
@Component
public class ViewExports {

    public static final int MAX_ROWS = 100_000;

    private final Exports exports;
    private final MessageSource messages;
    private final ObjectProvider<ExportRows> rows;
    private final Clock clock;
    private final ZoneId zone;

    public ViewExports(Exports exports, MessageSource messages, ObjectProvider<ExportRows> rows, Clock clock,
            ZoneId businessZone) {
        this.exports = exports;
        this.messages = messages;
        this.rows = rows;
        this.clock = clock;
        this.zone = businessZone;
    }

    /** Takes rows one at a time; {@code false} once the file is full, and the source should stop. */
    @FunctionalInterface
    public interface Sink {
        boolean row(Object... cells) throws IOException;
    }

    /** Writes every row of the view into the sink, stopping when it says so. */
    @FunctionalInterface
    public interface Source {
        void writeTo(Sink sink) throws IOException;
    }

    /**
     * {@code view}: the sheet's name and the slug of the file ({@code customers}, {@code churn} …);
     * {@code format}: {@code csv} or {@code xlsx}.
     */
    public void send(Viewer viewer, String view, String format, String[] columns, Locale locale,
            HttpServletResponse response, Source source) throws IOException {
        SpreadsheetFormat spreadsheet = SpreadsheetFormat.valueOf(format.toUpperCase(Locale.ROOT));
        exports.viewExported(viewer, view.toUpperCase(Locale.ROOT).replace('-', '_'));
        response.setContentType(spreadsheet.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(view + "-" + LocalDate.now(clock.withZone(zone)) + "." + format.toLowerCase(Locale.ROOT),
                        StandardCharsets.UTF_8).build().toString());
        ExportLanguage language = new ExportLanguage(messages, locale, rows.orderedStream().toList());
        try (Table table = spreadsheet.on(response.getOutputStream(), language).open(view, columns)) {
            long[] counts = new long[2];
            source.writeTo(cells -> {
                if (counts[0] >= MAX_ROWS) {
                    counts[1]++;
                    return false;
                }
                counts[0]++;
                table.row(new ArrayList<>(Arrays.asList(cells)));
                return true;
            });
            if (counts[1] > 0) {
                table.row(List.of(messages.getMessage("export.view.capped",
                        new Object[] {String.format(locale, "%,d", MAX_ROWS)}, locale)));
            }
        }
    }
}

package com.keyaccount.crm.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The formats an export downloads as; each opens its {@link Table} on the response, in the
 * reader's language: headers and coded values by their labels.
 */
public enum SpreadsheetFormat {
    CSV("text/csv;charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String contentType;

    SpreadsheetFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public Table.Opener on(OutputStream out, ExportLanguage language) {
        return (sheetName, header) -> {
            List<ExportColumn> columns = Arrays.stream(header).map(code -> language.column(sheetName, code)).toList();
            Table table = this == CSV ? new CsvTable(out, columns) : new XlsxTable(out, language.sheet(sheetName), columns);
            return new Labelled(table, columns, language, language.rows(sheetName).orElse(null), List.of(header));
        };
    }

    /** Coded values (FINANCE, A, true) as the reader's labels, before the format writes them. */
    private record Labelled(Table table, List<ExportColumn> columns, ExportLanguage language, ExportRows rows,
            List<String> codes) implements Table {

        @Override
        public void row(List<Object> cells) throws IOException {
            List<Object> worded = rows == null ? cells : rows.word(codes, cells);
            List<Object> shown = new ArrayList<>(worded.size());
            for (int i = 0; i < worded.size(); i++) {
                shown.add(i < columns.size() ? language.cell(columns.get(i), worded.get(i)) : worded.get(i));
            }
            table.row(shown);
        }

        @Override
        public void close() throws IOException {
            table.close();
        }
    }
}

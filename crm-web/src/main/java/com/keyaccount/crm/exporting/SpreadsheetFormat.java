package com.keyaccount.crm.exporting;

import java.io.OutputStream;

/** The formats an export downloads as; each opens its {@link Table} on the response. */
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

    public Table.Opener on(OutputStream out) {
        return this == CSV ? (sheetName, header) -> new CsvTable(out, header)
                : (sheetName, header) -> new XlsxTable(out, sheetName, header);
    }
}

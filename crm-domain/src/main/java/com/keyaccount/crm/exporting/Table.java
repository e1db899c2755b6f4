package com.keyaccount.crm.exporting;

import java.io.IOException;
import java.util.List;

/**
 * Rows written to a spreadsheet format, one at a time so an export never sits in memory. The
 * formats (CSV, Excel) live with the web layer; they also neutralise cells that look like formulas.
 */
public interface Table extends AutoCloseable {

    void row(List<Object> cells) throws IOException;

    @Override
    void close() throws IOException;

    /** Opens a table in some format: a sheet name (where the format has sheets) and the header row. */
    @FunctionalInterface
    interface Opener {
        Table open(String sheetName, String[] header) throws IOException;
    }
}

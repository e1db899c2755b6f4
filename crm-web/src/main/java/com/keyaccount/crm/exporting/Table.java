package com.keyaccount.crm.exporting;

import java.io.IOException;
import java.util.List;

/** Rows written to a spreadsheet format, one at a time so an export never sits in memory. */
interface Table extends AutoCloseable {

    void row(List<Object> cells) throws IOException;

    @Override
    void close() throws IOException;
}

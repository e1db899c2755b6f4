package com.keyaccount.crm.importing;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * One pass over an opened {@link LineSource}: a line at a time, so memory stays bounded
 * whatever the file's size.
 */
public interface TabularFile extends Closeable {

    /** The character set the file turned out to be in, e.g. {@code UTF-8} or {@code GB18030}; shown on the import page. */
    String charset();

    /** The column names, normalised (no BOM, trimmed, lower case) so that a hand-edited header still matches. */
    List<String> header() throws IOException;

    /** The next line, or null after the last; empty lines are skipped. */
    Line next() throws IOException;

    /**
     * A line's cells in column order; {@code lineNo} counts records with the header as 1, the
     * number the error report gives so that a bad line can be found again in Excel.
     */
    record Line(long lineNo, List<String> cells) {
    }
}

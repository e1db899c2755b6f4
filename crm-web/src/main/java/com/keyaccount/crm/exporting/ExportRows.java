package com.keyaccount.crm.exporting;

import java.util.List;

/**
 * The words of an export whose cells depend on each other: the audit log's field name depends
 * on the record type, a stored value on its field. A feature that owns such an export provides
 * this; the columns it words are plain text to the rest of the export.
 */
public interface ExportRows {

    /** The export's slug (its sheet name), e.g. {@code audit}. */
    String export();

    /** The row in the reader's language (the request's locale), given the column codes. */
    List<Object> word(List<String> columns, List<Object> cells);
}

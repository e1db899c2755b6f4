package com.keyaccount.crm.importing;

import java.io.IOException;

/**
 * An uploaded file as the import sees it: lines of cells under a header. How bytes become cells
 * (charset, delimiter, quoting) is the business of the file-format adapter that implements
 * this, in crm-web; the import only checks and applies the cells.
 */
public interface LineSource {

    /** Opens the file for one pass front to back; called on the import's own thread. */
    TabularFile open() throws IOException;

    /** The import is over, read or not: whatever holds the file (a temporary copy) may go. */
    void discard();

    /**
     * Where the file is kept on this server's disk, if anywhere: recorded on the import, so that
     * when its server stops mid-import the file is deleted with the rest of it.
     */
    default String location() {
        return null;
    }
}

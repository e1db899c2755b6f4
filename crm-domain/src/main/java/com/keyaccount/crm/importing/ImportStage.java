package com.keyaccount.crm.importing;

/** A kind's staging table, where checked lines wait until the whole file is known to be good. */
public interface ImportStage {

    /** Removes an import's staged lines: after it is applied, rejected, or found interrupted. */
    void discard(long importId);
}

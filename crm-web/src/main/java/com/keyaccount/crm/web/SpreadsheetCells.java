package com.keyaccount.crm.web;

import com.keyaccount.crm.exporting.SpreadsheetText;

/** What every CSV the application writes does to its cells (the rule imports undo). */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** A cell that starts like a formula is shown as text, not run by the spreadsheet. */
    public static String neutralise(String text) {
        return SpreadsheetText.neutralise(text);
    }
}

package com.keyaccount.crm.web;

/** What every CSV the application writes does to its cells. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** A cell that starts like a formula is shown as text, not run by the spreadsheet. */
    public static String neutralise(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}

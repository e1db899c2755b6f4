package com.keyaccount.crm.exporting;

/**
 * The one rule for text cells in the files the application writes and reads back: a cell that a
 * spreadsheet would run as a formula gets an apostrophe in front when exported, and an import
 * takes exactly that apostrophe away again, so an exported file re-imports unchanged.
 * <p>
 * Text that already starts with apostrophes before a formula start ({@code '=x}) gets one more
 * ({@code ''=x}); otherwise the import could not tell the user's apostrophe from ours. Any other
 * apostrophe ({@code 'abc}, {@code '123}) is left alone both ways.
 */
public final class SpreadsheetText {

    /** What a spreadsheet treats as the start of a formula (or strips): = + - @, tab, CR. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    /** A cell that starts like a formula is shown as text, not run by the spreadsheet. */
    public static String neutralise(String text) {
        return guarded(text, 0) ? "'" + text : text;
    }

    /** Undoes {@link #neutralise}: exactly {@code restore(neutralise(t)).equals(t)} for every text. */
    public static String restore(String cell) {
        return cell != null && !cell.isEmpty() && cell.charAt(0) == '\'' && guarded(cell, 1) ? cell.substring(1) : cell;
    }

    /** Whether the text from {@code at}, after any apostrophes, starts like a formula. */
    private static boolean guarded(String text, int at) {
        if (text == null) {
            return false;
        }
        int i = at;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        return i < text.length() && FORMULA_STARTS.indexOf(text.charAt(i)) >= 0;
    }
}

package com.keyaccount.crm.importing;

import com.keyaccount.crm.exporting.SpreadsheetText;
import com.keyaccount.crm.importing.LineError.Reason;
import com.keyaccount.crm.shared.ControlCharacters;
import java.util.Map;
import java.util.function.Consumer;

/** Reading one cell of a line, the same way for every import. */
public final class Cells {

    private Cells() {
    }

    public static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The cell's text without surrounding spaces, or null when it is empty or its column absent;
     * an empty required cell is reported as MISSING, one holding a control character (NUL…) as
     * CONTROL_CHARACTER. The apostrophe our exports put before a cell that looks like a formula
     * is taken away first, so an exported file re-imports as it was.
     */
    public static String present(long lineNo, Map<String, String> cells, String column, boolean required,
            Consumer<LineError> errors) {
        String value = SpreadsheetText.restore(cells.get(column));
        if (!ControlCharacters.absentFrom(value, true)) {
            errors.accept(new LineError(lineNo, column, value, Reason.CONTROL_CHARACTER, null));
            return null;
        }
        if (blank(value)) {
            if (required) {
                errors.accept(new LineError(lineNo, column, value, Reason.MISSING, null));
            }
            return null;
        }
        return value.strip();
    }
}

package com.keyaccount.crm.importing;

import com.keyaccount.crm.importing.LineError.Reason;
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
     * an empty required cell is reported as MISSING.
     */
    public static String present(long lineNo, Map<String, String> cells, String column, boolean required,
            Consumer<LineError> errors) {
        String value = cells.get(column);
        if (blank(value)) {
            if (required) {
                errors.accept(new LineError(lineNo, column, value, Reason.MISSING, null));
            }
            return null;
        }
        return value.strip();
    }
}

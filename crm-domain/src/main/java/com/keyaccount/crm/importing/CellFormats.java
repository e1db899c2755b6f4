package com.keyaccount.crm.importing;

import com.keyaccount.crm.shared.MoneyText;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cells as people type them in Excel on Chinese Windows: dates as 2026-11-22 or 2026/11/22
 * (a time Excel appends is ignored), amounts with thousands separators and a ¥ sign.
 */
public final class CellFormats {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");

    private CellFormats() {
    }

    public static Optional<LocalDate> date(String cell) {
        String text = cell.strip();
        if (text.length() == 10 && digits(text, 0, 4) && separator(text.charAt(4)) && digits(text, 5, 7)
                && separator(text.charAt(7)) && digits(text, 8, 10)) {
            // the usual 2026-11-22 read without the pattern: a file holds a million of them
            return date(text.substring(0, 4), text.substring(5, 7), text.substring(8, 10));
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return date(m.group(1), m.group(2), m.group(3));
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean separator(char c) {
        return c == '-' || c == '/' || c == '.';
    }

    /**
     * The amount, or empty when it is not money with at most two decimals ({@link MoneyText}, as
     * forms and the API read it). Negative amounts parse.
     */
    public static Optional<BigDecimal> amount(String cell) {
        return MoneyText.parse(cell);
    }
}

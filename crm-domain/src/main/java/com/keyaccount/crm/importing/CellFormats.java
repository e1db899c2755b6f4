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
        Matcher m = DATE.matcher(cell.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The amount, or empty when it is not money with at most two decimals ({@link MoneyText}, as
     * forms and the API read it). Negative amounts parse.
     */
    public static Optional<BigDecimal> amount(String cell) {
        return MoneyText.parse(cell);
    }
}

package com.keyaccount.crm.importing;

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
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+(?:\\.\\d{1,2})?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?");

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

    /** The amount, or empty when it is not a number with at most two decimals. Negative amounts parse. */
    public static Optional<BigDecimal> amount(String cell) {
        String s = cell.replace("¥", "").replace("￥", "").replace(" ", "").strip();
        if (GROUPED.matcher(s).matches()) {
            s = s.replace(",", "");
        }
        return AMOUNT.matcher(s).matches() ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }
}

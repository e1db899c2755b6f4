package com.keyaccount.crm.sales.importing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A staged line as a row of PostgreSQL's COPY text format: tab between columns, {@code \N} for
 * NULL, and in text a backslash, tab, line feed or carriage return escaped (an order number may
 * hold a tab or a line break, which the file's quoting allowed).
 */
final class CopyText {

    private CopyText() {
    }

    /** Appends the row, columns as {@link SalesStage} names them, ended by a line feed. */
    static void row(StringBuilder out, long importId, SalesLine line) {
        out.append(importId).append('\t').append(line.lineNo()).append('\t').append(line.customerId()).append('\t');
        text(out, line.orderNo());
        out.append('\t');
        date(out, line.orderDate());
        out.append('\t');
        number(out, line.amount());
        out.append('\t');
        date(out, line.dueDate());
        out.append('\t');
        date(out, line.paidDate());
        out.append('\t');
        text(out, line.productLineCode());
        out.append('\t');
        text(out, line.refersTo());
        out.append('\t');
        number(out, line.margin());
        out.append('\n');
    }

    static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /**
     * ISO dates as the database reads them (a year beyond four digits never passes the parser);
     * year 0, which a file may hold, is 1 BC to the database.
     */
    private static void date(StringBuilder out, LocalDate value) {
        if (value == null) {
            out.append("\\N");
        } else if (value.getYear() > 0) {
            out.append(value);
        } else {
            out.append(String.format("%04d-%02d-%02d BC", 1 - value.getYear(), value.getMonthValue(),
                    value.getDayOfMonth()));
        }
    }

    private static void number(StringBuilder out, BigDecimal value) {
        if (value == null) {
            out.append("\\N");
        } else {
            out.append(value.toPlainString());
        }
    }
}

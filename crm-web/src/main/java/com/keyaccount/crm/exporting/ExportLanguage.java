package com.keyaccount.crm.exporting;

import com.keyaccount.crm.customer.ChinaDivisions;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * The reader's language for a file: column headers ({@code export.column.<code>}), codes as the
 * pages label them (FINANCE → 金融业, tier A → A 类), yes and no for booleans, the sheet's name.
 * Dates and times already come as the pages write them (2026-11-22, 2026-11-22 14:30); numbers
 * stay numbers.
 */
public final class ExportLanguage {

    private static final String LIST_SEPARATOR = " · ";

    private final MessageSource messages;
    private final Locale locale;
    private final List<ExportRows> rows;

    public ExportLanguage(MessageSource messages, Locale locale) {
        this(messages, locale, List.of());
    }

    /** With the words of exports whose cells depend on each other (see {@link ExportRows}). */
    public ExportLanguage(MessageSource messages, Locale locale, List<ExportRows> rows) {
        this.messages = messages;
        this.locale = locale;
        this.rows = rows;
    }

    Optional<ExportRows> rows(String sheet) {
        return rows.stream().filter(words -> words.export().equals(sheet)).findFirst();
    }

    /**
     * A column of the export {@code sheet}, headed {@code export.column.<sheet>.<code>} where a
     * code means something else there (the contacts' name is a person's), else
     * {@code export.column.<code>}.
     */
    ExportColumn column(String sheet, String code) {
        String header = messages.getMessage("export.column." + sheet + "." + code, null, null, locale);
        return ExportColumn.of(code, header != null ? header
                : messages.getMessage("export.column." + code, null, code, locale));
    }

    String sheet(String name) {
        return messages.getMessage("export.sheet." + name, null, name, locale);
    }

    Object cell(ExportColumn column, Object value) {
        if (value instanceof Boolean yes) {
            return messages.getMessage(yes ? "form.yes" : "form.no", null, locale);
        }
        if (value != null && column.shape() == ExportColumn.Shape.PLACE) {
            return Objects.requireNonNullElse(ChinaDivisions.get().name(value.toString(), locale), value.toString());
        }
        if (value == null || !column.labelled()) {
            return value;
        }
        if (column.shape() == ExportColumn.Shape.LABEL_LIST) {
            return labelledList(column.labels(), value.toString());
        }
        String code = value.toString();
        return messages.getMessage(column.labels() + code, null, code, locale);
    }

    /** "家电 A · 建材 C": each part ends with a code, shown by its label ("家电 A 类 · 建材 C 类"). */
    private String labelledList(String prefix, String list) {
        StringBuilder shown = new StringBuilder();
        for (String part : list.split(LIST_SEPARATOR, -1)) {
            int space = part.lastIndexOf(' ');
            String code = part.substring(space + 1);
            shown.append(shown.isEmpty() ? "" : LIST_SEPARATOR).append(part, 0, space + 1)
                    .append(messages.getMessage(prefix + code, null, code, locale));
        }
        return shown.toString();
    }
}

package com.keyaccount.crm.shared;

/**
 * Which characters text typed or imported may not hold: the C0 control characters (NUL and the
 * others below a space) and DEL. PostgreSQL refuses NUL outright, so letting one through turns a
 * typo into a server error; tab, CR and LF are allowed only where text may span lines.
 * The one rule for forms, the ERP API and imports.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether the text holds no forbidden character (null and empty hold none). */
    public static boolean absentFrom(String text, boolean multiLine) {
        return text == null || firstIn(text, multiLine) < 0;
    }

    /** The index of the first forbidden character, or -1. */
    public static int firstIn(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden(text.charAt(i), multiLine)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The text with every control character shown as its Unicode "control picture" (NUL as ␀), so
     * a value can be shown back to the user, and stored in an error report, without the character.
     */
    public static String visible(String text) {
        if (text == null || firstIn(text, true) < 0) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            shown.append(c == 0x7F ? '\u2421' : forbidden(c, true) ? (char) (0x2400 + c) : c);
        }
        return shown.toString();
    }

    /** The text without any control character (for a search term, which they could never match). */
    public static String removedFrom(String text) {
        if (text == null || firstIn(text, false) < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(c -> !forbidden((char) c, false)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static boolean forbidden(char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return !multiLine;
        }
        return c < 0x20 || c == 0x7F;
    }
}

package com.keyaccount.crm.complaint;

/** The texts a complaint's steps carry (description, answer, resolution, reason): stripped, required, bounded. */
public final class ComplaintText {

    /** The longest text a step takes (the columns' size). */
    public static final int MAX = 2000;

    private ComplaintText() {
    }

    /** The text stripped, refused for {@code field} when blank or too long. */
    static String required(String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            throw new ComplaintRefusedException(field, ComplaintRefusedException.TEXT_REQUIRED);
        }
        if (value.length() > MAX) {
            throw new ComplaintRefusedException(field, "tooLong");
        }
        return value;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

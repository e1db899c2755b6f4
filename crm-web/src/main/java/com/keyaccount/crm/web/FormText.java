package com.keyaccount.crm.web;

/** How free text from forms is stored: trimmed, and an empty field as no value at all. */
public final class FormText {

    private FormText() {
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

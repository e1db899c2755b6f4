package com.keyaccount.crm.followup.web.admin;

/** A message next to a form field: a bundle key and up to two arguments. */
public record FieldMessage(String code, Object first, Object second) {

    /** Numbers as plain text, so 3650 is not shown as "3,650". */
    public FieldMessage {
        first = first instanceof Number ? first.toString() : first;
        second = second instanceof Number ? second.toString() : second;
    }

    static FieldMessage of(String code) {
        return new FieldMessage(code, null, null);
    }
}

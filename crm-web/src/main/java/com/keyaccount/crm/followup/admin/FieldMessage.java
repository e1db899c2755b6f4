package com.keyaccount.crm.followup.admin;

/** A message next to a form field: a bundle key and up to two arguments. */
public record FieldMessage(String code, Object first, Object second) {

    static FieldMessage of(String code) {
        return new FieldMessage(code, null, null);
    }
}

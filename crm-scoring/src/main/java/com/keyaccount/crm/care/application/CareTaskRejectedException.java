package com.keyaccount.crm.care.application;

/**
 * A care step refused for a reason the user can act on; {@code field} is the form field it
 * belongs beside (null for the page), {@code code} the message key's last part.
 */
public class CareTaskRejectedException extends RuntimeException {

    private final String field;
    private final String code;

    public CareTaskRejectedException(String field, String code) {
        super(code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}

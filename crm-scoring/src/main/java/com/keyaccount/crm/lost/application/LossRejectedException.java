package com.keyaccount.crm.lost.application;

/** A lost-customer step refused; {@code field} is the form field it belongs beside (null: the page). */
public class LossRejectedException extends RuntimeException {

    private final String field;
    private final String code;

    public LossRejectedException(String field, String code) {
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

package com.keyaccount.crm.complaint;

/**
 * A step the complaint does not allow: a resolution without its note, confirming what is not
 * resolved. {@code field} is the form field the message belongs beside, {@code code} the message.
 */
public class ComplaintRefusedException extends RuntimeException {

    public static final String TEXT_REQUIRED = "required";
    public static final String WRONG_STATUS = "wrongStatus";

    private final String field;
    private final String code;

    public ComplaintRefusedException(String field, String code) {
        super(field + ": " + code);
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

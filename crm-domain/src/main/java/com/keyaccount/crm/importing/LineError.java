package com.keyaccount.crm.importing;

import com.keyaccount.crm.shared.ControlCharacters;

/**
 * Why one line of an import was rejected: the column, what it held, and a reason the page
 * translates ({@code import.reason.<reason>}); {@code detail} carries e.g. the first line of a
 * duplicate.
 */
public record LineError(long lineNo, String column, String value, Reason reason, String detail) {

    public enum Reason {
        MISSING_COLUMN,
        WRONG_FIELD_COUNT,
        MISSING,
        UNKNOWN_CUSTOMER,
        TOO_LONG,
        BAD_DATE,
        BAD_AMOUNT,
        NEGATIVE_AMOUNT,
        PAID_BEFORE_ORDER,
        DUE_BEFORE_ORDER,
        DUPLICATE_ORDER,
        UNKNOWN_VALUE,
        UNKNOWN_OWNER,
        DELETED_CUSTOMER,
        DUPLICATE_CODE,
        LOST_WITHOUT_REASON,
        BAD_NUMBER,
        CONTROL_CHARACTER
    }

    public LineError {
        value = value != null && value.length() > 200 ? value.substring(0, 200) : value;
        // the value is stored and shown back: a NUL would be refused by PostgreSQL
        value = ControlCharacters.visible(value);
        column = ControlCharacters.visible(column);
    }
}

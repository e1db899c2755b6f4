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
        CONTROL_CHARACTER,
        /** a sale (amount zero or more) naming an order: only credit notes and returns refer to one */
        REFERS_TO_ON_SALE,
        /** refers_to names no order of this customer, in the database or the same file */
        UNKNOWN_ORDER,
        /** the credit notes naming an order come to more than its amount (the detail) */
        CREDIT_EXCEEDS_ORDER,
        /** a product line code that does not exist while automatic creation is off */
        UNKNOWN_PRODUCT_LINE,
        NEGATIVE_COST,
        /** a sale's margin above its amount, or a credit note's below it */
        MARGIN_EXCEEDS_AMOUNT,
        /** margin and cost both given and not agreeing; the detail is the margin the cost gives */
        MARGIN_MISMATCH,
        /** a stage below the won stage on a line whose customer is not a prospect */
        STAGE_NEEDS_PROSPECT,
        /** the won stage or above on a line whose customer stays a prospect */
        PROSPECT_AT_WON_STAGE,
        /** a close-time class or expected monthly value for a customer that is not a prospect */
        GRADE_NEEDS_PROSPECT,
        /** a move onto the refusal stage (A31), which needs its reason and so its page */
        REFUSAL_BY_IMPORT,
        /** a latitude without its longitude or the other way round */
        HALF_A_LOCATION,
        /** a city that lies in another province than the line's */
        CITY_OUTSIDE_PROVINCE,
        /** a latitude beyond ±90 or a longitude beyond ±180 */
        LOCATION_OUT_OF_RANGE,
        /** a potential that is not a whole number from 1 to 9 */
        BAD_POTENTIAL,
        /** an adoption that is none of preferred, second choice, competitor, not using (code or words) */
        UNKNOWN_ADOPTION,
        /** a potential factor's level that is none of the table's (by name, in either language, or 1 to 3) */
        UNKNOWN_POTENTIAL_LEVEL,
        /** one factor's level without the other's: the table needs both */
        POTENTIAL_LEVEL_ALONE,
        /** factor levels while the admin has potential by two factors off */
        POTENTIAL_FACTORS_OFF,
        /** a potential score beside levels that the table scores otherwise */
        POTENTIAL_DISAGREES
    }

    public LineError {
        value = value != null && value.length() > 200 ? value.substring(0, 200) : value;
        // the value is stored and shown back: a NUL would be refused by PostgreSQL
        value = ControlCharacters.visible(value);
        column = ControlCharacters.visible(column);
    }
}

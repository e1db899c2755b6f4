package com.keyaccount.crm.checkin;

/**
 * How a check-in ended: checked out (time on site known), or without a check-out: forgotten
 * (ended at the end of its day) or ended by the user's next check-in at another customer.
 */
public enum CheckInEnd {
    CHECKED_OUT,
    NO_CHECK_OUT,
    NEXT_CHECK_IN
}

package com.keyaccount.crm.checkin.rules;

/**
 * Whether a position shows the user at the customer, or why not. Checked in this order: a
 * position that did not come from the phone's browser, a customer without a location, a position
 * too imprecise to tell, too far away.
 */
public enum CheckInVerdict {
    VERIFIED,
    /** No accuracy or time with the position, or a time far from the server's: typed into the request. */
    NOT_FROM_DEVICE,
    NO_CUSTOMER_LOCATION,
    /** The accuracy radius is wider than the admin's bound. */
    TOO_IMPRECISE,
    /** Farther from the customer's location than the admin's distance. */
    TOO_FAR;

    public boolean verified() {
        return this == VERIFIED;
    }
}

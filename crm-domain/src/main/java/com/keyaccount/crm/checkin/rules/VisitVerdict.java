package com.keyaccount.crm.checkin.rules;

/**
 * Whether a logged on-site visit is evidenced by a check-in: verified, or why not (no check-in
 * that day at that customer, or the check-in's own reason).
 */
public enum VisitVerdict {
    VERIFIED,
    NO_CHECK_IN,
    NOT_FROM_DEVICE,
    NO_CUSTOMER_LOCATION,
    TOO_IMPRECISE,
    TOO_FAR;

    /** The visit's verdict when it is evidenced by a check-in with this verdict. */
    public static VisitVerdict of(CheckInVerdict checkIn) {
        return valueOf(checkIn.name());
    }

    public boolean verified() {
        return this == VERIFIED;
    }
}

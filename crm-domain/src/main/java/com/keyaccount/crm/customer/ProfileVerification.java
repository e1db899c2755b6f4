package com.keyaccount.crm.customer;

import java.time.Duration;
import java.time.Instant;

/**
 * SPEC "每季度核实": a profile not verified for this long is flagged to its owner, on the
 * customer's page and on My day (which asks the database with the same interval).
 */
public final class ProfileVerification {

    public static final Duration INTERVAL = Duration.ofDays(90);

    private ProfileVerification() {
    }

    /** Whether a profile last verified at {@code verifiedAt} (null: never) is due again at {@code now}. */
    static boolean isDue(Instant verifiedAt, Instant now) {
        return verifiedAt == null || verifiedAt.plus(INTERVAL).isBefore(now);
    }
}

package com.keyaccount.crm.followup.application;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.List;

/** A reschedule that breaks a rule (see {@link FollowUpReschedules#check}); nothing was written. */
public class RescheduleRejectedException extends RuntimeException {

    private final transient List<Violation> violations;

    public RescheduleRejectedException(List<Violation> violations) {
        super("reschedule rejected: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}

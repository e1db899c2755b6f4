package com.keyaccount.crm.policy;

import com.keyaccount.crm.shared.rules.Violation;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import java.time.Instant;
import java.util.List;

/** The published side of one kind of policy: what is in force, and what publishing writes. */
public interface PolicyVersions<C> {

    /** The number of the version in force; 0 for a policy that is not numbered. */
    int inForce();

    /** What a version says, as the content of a new draft. */
    C content(int version);

    /** What makes the content unfit to save or publish; none by default. */
    default List<Violation> violations(C content) {
        return List.of();
    }

    /**
     * Writes the draft as the next version, inside the publishing transaction, and says what
     * changed (old → new) for the audit trail.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when its number was taken meanwhile
     */
    Published publish(Draft<C> draft, String by, Instant at);

    /**
     * Brings what is computed from the policy up to date (tiers, next due dates), once the
     * publication has committed.
     *
     * @return when a recompute runs, or null when there is nothing to tell
     */
    Scheduled catchUp(Published published, String by);
}

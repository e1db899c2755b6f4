package com.keyaccount.crm.scoring.schedule;

import com.keyaccount.crm.tier.Tier;
import java.time.LocalDate;
import java.util.Objects;

/** The latest change of a customer's effective tier (business date). {@code from} is null for a first tier. */
public record TierMove(LocalDate on, Tier from, Tier to) {

    public TierMove {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(to, "to");
    }

    /** A → better tier (C→B, B→A, C→A). */
    public boolean isUpgrade() {
        return from != null && to.ordinal() < from.ordinal();
    }
}

package com.keyaccount.crm.followup.rules;

import java.util.Objects;

/** The two quotas of one tier: any contact, and on-site visits. */
public record TierCadence(Cadence anyContact, Cadence onSiteVisit) {

    public TierCadence {
        Objects.requireNonNull(anyContact, "anyContact");
        Objects.requireNonNull(onSiteVisit, "onSiteVisit");
    }

    public Cadence of(ChannelGroup group) {
        return group == ChannelGroup.ANY_CONTACT ? anyContact : onSiteVisit;
    }
}

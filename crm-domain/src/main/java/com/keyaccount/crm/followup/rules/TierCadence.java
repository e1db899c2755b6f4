package com.keyaccount.crm.followup.rules;

import com.keyaccount.crm.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
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

    /** The record component that holds the group's quota, for violation paths. */
    static String component(ChannelGroup group) {
        return group == ChannelGroup.ANY_CONTACT ? "anyContact" : "onSiteVisit";
    }

    public List<Violation> violations() {
        List<Violation> found = new ArrayList<>();
        for (ChannelGroup group : ChannelGroup.values()) {
            of(group).violations().forEach(v -> found.add(v.under(component(group))));
        }
        return found;
    }
}

package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.TierLadder;
import jakarta.persistence.Converter;

/** Stores a policy's tier names as JSON: they are read and written with the policy, never queried. */
@Converter
class TierLadderJson extends JsonColumn<TierLadder> {

    TierLadderJson() {
        super(TierLadder.class);
    }

    /** A policy from before the ladder has none: it names its tiers as they always were. */
    @Override
    public TierLadder convertToEntityAttribute(String json) {
        return json == null ? TierLadder.DEFAULT : super.convertToEntityAttribute(json);
    }
}

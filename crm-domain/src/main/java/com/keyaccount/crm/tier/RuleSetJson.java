package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.RuleSet;
import jakarta.persistence.Converter;

/** Stores a draft's whole rule set as JSON: drafts are edited as one piece and never queried by part. */
@Converter
class RuleSetJson extends JsonColumn<RuleSet> {

    RuleSetJson() {
        super(RuleSet.class);
    }
}

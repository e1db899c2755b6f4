package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.Scorecard;
import jakarta.persistence.Converter;

/** Stores a scorecard (criteria with their point bands) as JSON in its policy row. */
@Converter
class ScorecardJson extends JsonColumn<Scorecard> {

    ScorecardJson() {
        super(Scorecard.class);
    }
}

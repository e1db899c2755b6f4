package com.keyaccount.crm.tier;

import jakarta.persistence.Converter;

/** Stores a policy's lower-tier boundaries as JSON; a policy from before longer ladders has none. */
@Converter
class LowerBoundariesJson extends JsonColumn<LowerBoundaries> {

    LowerBoundariesJson() {
        super(LowerBoundaries.class);
    }

    @Override
    public LowerBoundaries convertToEntityAttribute(String json) {
        return json == null ? LowerBoundaries.NONE : super.convertToEntityAttribute(json);
    }
}

package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.Scorecard;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Stores a scorecard (criteria with their point bands) as JSON in its policy row. */
@Converter
class ScorecardJson implements AttributeConverter<Scorecard, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(Scorecard scorecard) {
        return JSON.writeValueAsString(scorecard);
    }

    @Override
    public Scorecard convertToEntityAttribute(String json) {
        return JSON.readValue(json, Scorecard.class);
    }
}

package com.keyaccount.crm.tier;

import com.keyaccount.crm.tier.rules.RuleSet;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Stores a draft's whole rule set as JSON: drafts are edited as one piece and never queried by part. */
@Converter
class RuleSetJson implements AttributeConverter<RuleSet, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(RuleSet rules) {
        return JSON.writeValueAsString(rules);
    }

    @Override
    public RuleSet convertToEntityAttribute(String json) {
        return JSON.readValue(json, RuleSet.class);
    }
}

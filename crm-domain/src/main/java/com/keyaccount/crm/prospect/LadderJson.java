package com.keyaccount.crm.prospect;

import com.keyaccount.crm.prospect.rules.ProspectLadder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Stores a whole ladder as JSON in its version row: it is read and written as one, never queried. */
@Converter
class LadderJson implements AttributeConverter<ProspectLadder, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(ProspectLadder ladder) {
        return JSON.writeValueAsString(ladder);
    }

    @Override
    public ProspectLadder convertToEntityAttribute(String json) {
        return JSON.readValue(json, ProspectLadder.class);
    }
}

package com.keyaccount.crm.tier;

import jakarta.persistence.AttributeConverter;
import tools.jackson.databind.json.JsonMapper;

/** A value stored as JSON in one column: rule parts that are read and written as a whole, never queried. */
abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Class<T> type;

    JsonColumn(Class<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        return JSON.writeValueAsString(value);
    }

    @Override
    public T convertToEntityAttribute(String json) {
        return JSON.readValue(json, type);
    }
}

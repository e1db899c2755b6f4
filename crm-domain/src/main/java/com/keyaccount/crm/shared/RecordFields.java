package com.keyaccount.crm.shared;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** A record's components by name, in declaration order: what audit diffs and conflict pages compare. */
public final class RecordFields {

    private RecordFields() {
    }

    public static Map<String, Object> of(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }
        return fields;
    }
}

package com.keyaccount.crm.policy;

import com.keyaccount.crm.shared.RecordFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One audit row of a publication: a part of the policy, old → new; without a field, the new record itself. */
public record AuditedChange(String entityType, long entityId, String field, Object before, Object after) {

    public static AuditedChange created(String entityType, long entityId) {
        return new AuditedChange(entityType, entityId, null, null, null);
    }

    /** One change per component whose value differs, so the log says what changed without decoding it. */
    public static List<AuditedChange> between(String entityType, long entityId, Record before, Record after) {
        Map<String, Object> afterFields = RecordFields.of(after);
        List<AuditedChange> changes = new ArrayList<>();
        RecordFields.of(before).forEach((field, old) -> {
            if (!Objects.equals(old, afterFields.get(field))) {
                changes.add(new AuditedChange(entityType, entityId, field, old, afterFields.get(field)));
            }
        });
        return changes;
    }
}

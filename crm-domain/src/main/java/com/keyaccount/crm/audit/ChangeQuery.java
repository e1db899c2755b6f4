package com.keyaccount.crm.audit;

import java.util.List;

/**
 * The rows of a set-based change, for bulk writers that change thousands of records in one
 * statement: a SELECT yielding {@code entity_id, customer_id, old_value, new_value} (values as
 * text), run before the change so that it still sees the old values.
 */
public record ChangeQuery(String select, List<Object> args) {
}

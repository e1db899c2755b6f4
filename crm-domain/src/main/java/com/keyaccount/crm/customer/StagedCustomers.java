package com.keyaccount.crm.customer;

import com.keyaccount.crm.audit.ChangeQuery;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One customer import's lines as staged in {@code customer_import_stage}, matched to existing
 * customers by code, and the SQL for the values they bring: a column the file left out keeps the
 * stored value, an empty cell in a column it has clears it (potential and adoption excepted: an
 * empty cell keeps them too). Kept beside {@link CustomerStore}
 * because the audit and the merge must agree on exactly what counts as a change.
 */
public final class StagedCustomers {

    /** Optional columns: their values replace the stored ones only when the file has the column. */
    private static final List<String> OPTIONAL = List.of("phone", "address", "status", "lost_reason", "annual_sales",
            "employee_count", "latitude", "longitude");
    /** Audited fields: the name the customer form's audit uses, and the column. */
    private static final Map<String, String> AUDITED = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("industry", "industry"), Map.entry("region", "region"), Map.entry("phone", "phone"),
            Map.entry("address", "address"), Map.entry("status", "status"), Map.entry("lostReason", "lost_reason"),
            Map.entry("annualSales", "annual_sales"), Map.entry("employeeCount", "employee_count"),
            Map.entry("latitude", "latitude"), Map.entry("longitude", "longitude"),
            Map.entry("potential", "potential"), Map.entry("adoption", "adoption"),
            Map.entry("province", "province_code"), Map.entry("city", "city_code"));
    /** Staged lines of existing customers; its one parameter is the import. */
    static final String EXISTING = "FROM customer_import_stage s JOIN customer c ON c.id = s.customer_id "
            + "WHERE s.import_id = ?";

    private final long importId;
    private final Map<String, String> value = new HashMap<>();
    private final boolean location;

    public StagedCustomers(long importId, Set<String> fileColumns) {
        this.importId = importId;
        // a location is the pair: one of its columns alone changes nothing (its lines are refused when filled)
        this.location = fileColumns.contains("latitude") && fileColumns.contains("longitude");
        for (String column : AUDITED.values()) {
            boolean optional = OPTIONAL.contains(column);
            boolean given = column.equals("latitude") || column.equals("longitude") ? location
                    : fileColumns.contains(column);
            value.put(column, !optional || given ? "s." + column : "c." + column);
        }
        // the place: a file with province or city columns sets it (empty cells clear it); one with
        // only addresses sets it where the address names one and keeps it where not
        for (String column : List.of("province_code", "city_code")) {
            value.put(column, fileColumns.contains("province") || fileColumns.contains("city") ? "s." + column
                    : fileColumns.contains("address") ? "CASE WHEN s.province_code IS NULL THEN c." + column
                            + " ELSE s." + column + " END" : "c." + column);
        }
        // a blank status cell keeps the status (a customer is never without one)
        value.put("status", fileColumns.contains("status") ? "COALESCE(s.status, c.status)" : "c.status");
        // an assessment is made by hand, customer by customer: a file of profiles never wipes it
        value.put("potential", "COALESCE(s.potential, c.potential)");
        value.put("adoption", "COALESCE(s.adoption, c.adoption)");
    }

    long importId() {
        return importId;
    }

    /** The new value of {@code column} as SQL over {@code s} (the stage) and {@code c} (the customer). */
    String value(String column) {
        return value.get(column);
    }

    /**
     * The location's provenance after the line (as SQL over {@code s} and {@code c}): an imported
     * location is the importer's, set now; a location the line leaves alone keeps its own. Each
     * takes one parameter, the importer for {@code "by"} and the time for {@code "at"}.
     */
    String locationProvenance(String column, String parameterType) {
        String changed = location ? "(c.latitude IS DISTINCT FROM s.latitude OR c.longitude IS DISTINCT FROM s.longitude)"
                : "FALSE";
        String imported = column.equals("location_source") ? "'IMPORTED'" : "CAST(? AS " + parameterType + ")";
        return "CASE WHEN " + changed + " THEN CASE WHEN s.latitude IS NULL THEN NULL ELSE " + imported + " END ELSE c."
                + column + " END";
    }

    /**
     * Who set the potential or the adoption ({@code part}) and when, after the line (as SQL over
     * {@code s} and {@code c}): the importer, now, where the line changes it, else as stored, as
     * the assessment form keeps the author of a part left alone. {@code provenance} is
     * {@code "by_id"}, taking the importer's id as its one parameter, or {@code "at"}, taking the time.
     */
    String assessmentProvenance(String part, String provenance) {
        String type = provenance.equals("by_id") ? "BIGINT" : "TIMESTAMP WITH TIME ZONE";
        return "CASE WHEN c." + part + " IS DISTINCT FROM " + value.get(part) + " THEN CAST(? AS " + type + ") ELSE c."
                + part + "_" + provenance + " END";
    }

    /**
     * A potential level after the line (as SQL): the levels the line gives; else, an imported
     * potential that differs is a score typed, which the levels no longer explain; otherwise the
     * levels stay.
     */
    String potentialLevel(String part) {
        return "CASE WHEN s.potential_row IS NOT NULL THEN s.potential_" + part + " WHEN c.potential IS DISTINCT FROM "
                + value.get("potential") + " THEN NULL ELSE c.potential_" + part + " END";
    }

    /** True (as SQL) for an existing customer whose potential or adoption the line changes. */
    String assessmentChanged() {
        return "c.potential IS DISTINCT FROM " + value.get("potential") + " OR c.adoption IS DISTINCT FROM "
                + value.get("adoption") + " OR " + levelsChanged();
    }

    /** True (as SQL) where the line gives factor levels other than the stored ones. */
    private static String levelsChanged() {
        return "(s.potential_row IS NOT NULL AND (c.potential_row IS DISTINCT FROM s.potential_row"
                + " OR c.potential_column IS DISTINCT FROM s.potential_column))";
    }

    /** True (as SQL) for an existing customer that the line changes. */
    String changed() {
        return String.join(" OR ", AUDITED.values().stream()
                .map(column -> "c." + column + " IS DISTINCT FROM " + value.get(column)).toList())
                + " OR c.owner_id <> s.owner_id OR " + levelsChanged();
    }

    /** Per audited field (and the owner, by username), the existing customers whose value changes. */
    Map<String, ChangeQuery> fieldChanges() {
        Map<String, ChangeQuery> changes = new LinkedHashMap<>();
        AUDITED.forEach((field, column) -> changes.put(field, new ChangeQuery("""
                SELECT c.id AS entity_id, c.id AS customer_id, CAST(c.%1$s AS VARCHAR(2000)) AS old_value,
                    CAST(%2$s AS VARCHAR(2000)) AS new_value %3$s AND c.%1$s IS DISTINCT FROM %2$s"""
                .formatted(column, value.get(column), EXISTING), List.of(importId))));
        changes.put("owner", new ChangeQuery("""
                SELECT c.id AS entity_id, c.id AS customer_id, o.username AS old_value, n.username AS new_value
                FROM customer_import_stage s JOIN customer c ON c.id = s.customer_id
                JOIN app_user o ON o.id = c.owner_id JOIN app_user n ON n.id = s.owner_id
                WHERE s.import_id = ? AND c.owner_id <> s.owner_id""", List.of(importId)));
        return changes;
    }
}

package com.keyaccount.crm.customer;

import com.keyaccount.crm.user.Viewer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@code customer}: the forms' changes through JPA, an import's through
 * set-based statements over its staged lines, since merging a million lines one entity at a time
 * would take hours; and of {@code data_import_customer}, which customers an import created or
 * changed. Only {@link CustomerService} calls it, so every write is audited there.
 */
@Component
class CustomerStore {

    private final CustomerRepository customers;
    private final JdbcTemplate jdbc;
    private final CustomerPages pages;

    CustomerStore(CustomerRepository customers, JdbcTemplate jdbc, CustomerPages pages) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.pages = pages;
    }

    Page<Customer> search(Viewer viewer, CustomerCriteria criteria, Pageable pageable) {
        return pages.search(viewer, criteria, pageable);
    }

    /**
     * Copies each customer's tier in force into the list's tier order ({@link ListTier}), where it
     * differs: after every tier write, in the writer's transaction where it has one.
     */
    void copyTiers() {
        jdbc.update("""
                MERGE INTO customer_list_tier l USING customer_tier t ON l.customer_id = t.customer_id
                WHEN MATCHED AND (l.sort_tier IS NULL OR l.sort_tier <> t.effective_tier)
                THEN UPDATE SET sort_tier = t.effective_tier""");
        jdbc.update("""
                UPDATE customer_list_tier SET sort_tier = NULL WHERE sort_tier IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM customer_tier t WHERE t.customer_id = customer_list_tier.customer_id)""");
    }

    Optional<Customer> find(long id) {
        return customers.findByIdAndDeletedFalse(id);
    }

    boolean codeTaken(String code, Long exceptId) {
        return exceptId == null ? customers.existsByCode(code) : customers.existsByCodeAndIdNot(code, exceptId);
    }

    /** Inserted at once, so the id is there for the audit row. */
    Customer add(Customer customer) {
        return customers.saveAndFlush(customer);
    }

    /** Writes the changes made to loaded customers now, so a failure surfaces inside the use case. */
    void flush() {
        customers.flush();
    }

    /** How an import would change the book, counted before it does: staged lines of new, changed and all customers. */
    Counts count(StagedCustomers staged) {
        long id = staged.importId();
        long total = count("SELECT COUNT(*) FROM customer_import_stage WHERE import_id = ?", id);
        long created = count("SELECT COUNT(*) FROM customer_import_stage WHERE import_id = ? AND customer_id IS NULL",
                id);
        long updated = count("SELECT COUNT(*) " + StagedCustomers.EXISTING + " AND (" + staged.changed() + ")", id);
        // a new owner or status changes who follows the customer up and how often; a new assessment
        // is told on as the assessment form tells it, for whoever keeps schedules or figures by it
        List<Long> rescheduled = new ArrayList<>(jdbc.queryForList("SELECT c.id " + StagedCustomers.EXISTING
                + " AND (c.owner_id <> s.owner_id OR c.status IS DISTINCT FROM " + staged.value("status") + " OR "
                + staged.assessmentChanged() + ")", Long.class, id));
        return new Counts(total, created, updated, rescheduled);
    }

    record Counts(long total, long created, long updated, List<Long> rescheduled) {
    }

    /**
     * Existing customers take the staged values where these differ; their version moves on like an
     * edit's. A location the line changes becomes the importer's ({@code by}), set now; so does a
     * potential or adoption it changes (the importer's id, {@code byId}).
     */
    void updateFromStage(StagedCustomers staged, String by, Long byId, Instant at) {
        jdbc.update("""
                MERGE INTO customer c
                USING (SELECT * FROM customer_import_stage WHERE import_id = ? AND customer_id IS NOT NULL) s
                ON c.id = s.customer_id
                WHEN MATCHED AND (%s) THEN UPDATE SET name = s.name,
                    name_initials = CASE WHEN c.name = s.name THEN c.name_initials END, industry = s.industry, region = s.region,
                    owner_id = s.owner_id, phone = %s, address = %s, status = %s, lost_reason = %s,
                    annual_sales = %s, employee_count = %s, latitude = %s, longitude = %s, location_source = %s,
                    location_set_by = %s, location_set_at = %s, potential = %s, potential_by_id = %s,
                    potential_at = %s, potential_row = %s, potential_column = %s, adoption = %s,
                    adoption_by_id = %s, adoption_at = %s, province_code = %s, city_code = %s, updated_at = ?,
                    version = c.version + 1"""
                .formatted(staged.changed(), staged.value("phone"), staged.value("address"), staged.value("status"),
                        staged.value("lost_reason"), staged.value("annual_sales"), staged.value("employee_count"),
                        staged.value("latitude"), staged.value("longitude"),
                        staged.locationProvenance("location_source", null),
                        staged.locationProvenance("location_set_by", "VARCHAR(64)"),
                        staged.locationProvenance("location_set_at", "TIMESTAMP WITH TIME ZONE"),
                        staged.value("potential"), staged.assessmentProvenance("potential", "by_id"),
                        staged.assessmentProvenance("potential", "at"), staged.potentialLevel("row"),
                        staged.potentialLevel("column"), staged.value("adoption"),
                        staged.assessmentProvenance("adoption", "by_id"), staged.assessmentProvenance("adoption", "at"),
                        staged.value("province_code"), staged.value("city_code")),
                staged.importId(), by, Timestamp.from(at), byId, Timestamp.from(at), byId, Timestamp.from(at),
                Timestamp.from(at));
    }

    /**
     * Scores afresh every customer whose potential was entered as its two factors, from the
     * table {@code factors}; returns how many potentials moved. Their author and time become the
     * admin's who changed the table ({@code byId}, {@code at}).
     */
    int rescorePotentials(PotentialFactors factors, long byId, Instant at) {
        int moved = 0;
        for (int row = 0; row < PotentialFactors.LEVELS; row++) {
            for (int column = 0; column < PotentialFactors.LEVELS; column++) {
                moved += jdbc.update("""
                        UPDATE customer SET potential = ?, potential_by_id = ?, potential_at = ?, version = version + 1
                        WHERE potential_row = ? AND potential_column = ? AND potential <> ?""",
                        factors.score(row, column), byId, Timestamp.from(at), row, column, factors.score(row, column));
            }
        }
        return moved;
    }

    /**
     * Notes on the import the existing customers its lines change, before they change (afterwards
     * the stage and the customer agree and nothing tells them apart). {@code data_import_customer}
     * is written here only, inside the import's transaction.
     */
    void recordChanged(StagedCustomers staged) {
        jdbc.update("INSERT INTO data_import_customer (import_id, line_no, customer_id, created) "
                + "SELECT s.import_id, s.line_no, c.id, FALSE " + StagedCustomers.EXISTING
                + " AND (" + staged.changed() + ")", staged.importId());
    }

    /** Notes on the import the customers its lines created, once they exist. */
    void recordCreated(StagedCustomers staged) {
        jdbc.update("""
                INSERT INTO data_import_customer (import_id, line_no, customer_id, created)
                SELECT s.import_id, s.line_no, c.id, TRUE FROM customer_import_stage s JOIN customer c ON c.code = s.code
                WHERE s.import_id = ? AND s.customer_id IS NULL""", staged.importId());
    }

    /**
     * Staged lines without a customer become customers (ACTIVE unless the line says otherwise),
     * a location, potential or adoption they bring set by the importer now; returns their ids.
     */
    List<Long> insertFromStage(StagedCustomers staged, String by, Long byId, Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                INSERT INTO customer (code, name, industry, region, owner_id, phone, address, status, lost_reason,
                    annual_sales, employee_count, long_term_agreement, designated_key, created_at, updated_at,
                    deleted, version, latitude, longitude, location_source, location_set_by, location_set_at,
                    potential, potential_by_id, potential_at, potential_row, potential_column, adoption, adoption_by_id,
                    adoption_at, province_code, city_code)
                SELECT code, name, industry, region, owner_id, phone, address, COALESCE(status, 'ACTIVE'), lost_reason,
                    annual_sales, employee_count, FALSE, FALSE, ?, ?, FALSE, 0, latitude, longitude,
                    CASE WHEN latitude IS NOT NULL THEN 'IMPORTED' END,
                    CASE WHEN latitude IS NOT NULL THEN CAST(? AS VARCHAR(64)) END,
                    CASE WHEN latitude IS NOT NULL THEN CAST(? AS TIMESTAMP WITH TIME ZONE) END,
                    potential, CASE WHEN potential IS NOT NULL THEN CAST(? AS BIGINT) END,
                    CASE WHEN potential IS NOT NULL THEN CAST(? AS TIMESTAMP WITH TIME ZONE) END,
                    potential_row, potential_column, adoption, CASE WHEN adoption IS NOT NULL THEN CAST(? AS BIGINT) END,
                    CASE WHEN adoption IS NOT NULL THEN CAST(? AS TIMESTAMP WITH TIME ZONE) END, province_code, city_code
                FROM customer_import_stage WHERE import_id = ? AND customer_id IS NULL""", now, now, by, now,
                byId, now, byId, now, staged.importId());
        return jdbc.queryForList("""
                SELECT c.id FROM customer_import_stage s JOIN customer c ON c.code = s.code
                WHERE s.import_id = ? AND s.customer_id IS NULL""", Long.class, staged.importId());
    }

    /**
     * Fills {@code name_initials} where it is missing: rows written by SQL (an import's new or
     * renamed customers, the demo book, customers from before the column), since SQL cannot read
     * pinyin. Walks the ids in batches and touches nothing else (no version, no updated_at), so it
     * is safe to run again; returns how many it filled.
     */
    int fillMissingInitials() {
        int filled = 0;
        long after = 0;
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            jdbc.query("SELECT id, name FROM customer WHERE name_initials IS NULL AND id > ? ORDER BY id LIMIT "
                    + INITIALS_BATCH, row -> {
                        batch.add(new Object[] {NameInitials.of(row.getString(2)), row.getLong(1)});
                    }, after);
            if (batch.isEmpty()) {
                return filled;
            }
            jdbc.batchUpdate("UPDATE customer SET name_initials = ? WHERE id = ?", batch);
            filled += batch.size();
            after = (Long) batch.get(batch.size() - 1)[1];
        }
    }

    private static final int INITIALS_BATCH = 1000;

    private long count(String sql, long id) {
        Long count = jdbc.queryForObject(sql, Long.class, id);
        return count == null ? 0 : count;
    }
}

package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.CustomersChanged;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.importing.DataImport.Status;
import com.keyaccount.crm.importing.DataImports;
import com.keyaccount.crm.importing.FileImport;
import com.keyaccount.crm.importing.DataImports.Reading;
import com.keyaccount.crm.importing.ImportKind;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import com.keyaccount.crm.tier.TiersChanged;
import com.keyaccount.crm.tier.RecomputeRequests;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import org.springframework.context.ApplicationEventPublisher;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports customers from CSV, all or nothing, like the sales import: existing codes are
 * updated, new ones created. A column left out of the file leaves that field as it is; an
 * empty cell in a column that is there clears it (a blank status keeps the current one, new
 * customers start ACTIVE). Every change is audited like an edit on the form, with the import
 * named as the actor's action, and the schedules of new and reassigned customers follow.
 */
@Service
public class CustomerImports implements FileImport {

    static final int BATCH = 5_000;
    /** Optional columns: their values replace the stored ones only when the file has the column. */
    static final List<String> OPTIONAL = List.of("phone", "address", "status", "lost_reason", "annual_sales",
            "employee_count");
    private static final int[] STAGE_TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.NUMERIC, Types.INTEGER};
    /** Audited fields: the name the customer form's audit uses, and the column. */
    private static final Map<String, String> AUDITED = Map.of("name", "name", "industry", "industry", "region",
            "region", "phone", "phone", "address", "address", "status", "status", "lostReason", "lost_reason",
            "annualSales", "annual_sales", "employeeCount", "employee_count");

    private final DataImports imports;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecomputeRequests recompute;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    public CustomerImports(DataImports imports, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            RecomputeRequests recompute, ApplicationEventPublisher events,
            MessageSource messages, Clock clock) {
        this.recompute = recompute;
        this.events = events;
        this.imports = imports;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public long start(Viewer viewer, String fileName, Path file) {
        return imports.start(viewer, ImportKind.CUSTOMERS, fileName, file, this::run);
    }

    private void run(long id, Path file, String actor) throws IOException {
        try {
            CustomerLineParser parser = new CustomerLineParser(book(), new Labels<>(Industry.class, "industry.", messages),
                    new Labels<>(Region.class, "region.", messages), new Labels<>(CustomerStatus.class, "status.", messages));
            List<Object[]> stage = new ArrayList<>(BATCH);
            Set<String> columns = new HashSet<>();
            Reading reading = imports.read(id, file, CustomerLineParser.REQUIRED, BATCH, (lineNo, cells, errors) -> {
                columns.addAll(cells.keySet());
                parser.parse(lineNo, cells, errors).ifPresent(line -> stage.add(stageRow(id, line)));
            }, () -> flush(stage));
            imports.addErrors(id, reading, duplicates(id));
            if (reading.badLines() > 0) {
                imports.finish(id, Status.REJECTED, null, null, null, reading.badLines(), null);
                return;
            }
            Applied applied = transaction.execute(status -> apply(id, columns, actor));
            events.publishEvent(new CustomersChanged(applied.rescheduled));
            events.publishEvent(new TiersChanged("customer import " + id));
            // new customers are ranked (and everyone's rank among them) at once, not at night
            boolean busy = applied.created > 0
                    && recompute.startNowOrNext("CUSTOMER_IMPORT", actor) == Scheduled.RUNNING_ELSEWHERE;
            imports.finish(id, Status.DONE, applied.created, applied.updated, applied.unchanged, 0L,
                    busy ? "RECOMPUTE_BUSY" : null);
        } finally {
            jdbc.update("DELETE FROM customer_import_stage WHERE import_id = ?", id);
        }
    }

    private record Applied(long created, long updated, long unchanged, List<Long> rescheduled) {
    }

    private Applied apply(long id, Set<String> columns, String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                UPDATE customer_import_stage SET customer_id = (SELECT c.id FROM customer c
                    WHERE c.code = customer_import_stage.code) WHERE import_id = ?""", id);
        Map<String, String> value = newValues(columns);
        String changed = String.join(" OR ", AUDITED.values().stream()
                .map(column -> "c." + column + " IS DISTINCT FROM " + value.get(column)).toList())
                + " OR c.owner_id <> s.owner_id";
        String existing = "FROM customer_import_stage s JOIN customer c ON c.id = s.customer_id WHERE s.import_id = ?";
        long total = count("SELECT COUNT(*) FROM customer_import_stage WHERE import_id = ?", id);
        long created = count("SELECT COUNT(*) FROM customer_import_stage WHERE import_id = ? AND customer_id IS NULL", id);
        long updated = count("SELECT COUNT(*) " + existing + " AND (" + changed + ")", id);
        List<Long> rescheduled = new ArrayList<>(jdbc.queryForList("SELECT c.id " + existing
                + " AND (c.owner_id <> s.owner_id OR c.status IS DISTINCT FROM " + value.get("status") + ")",
                Long.class, id));

        AUDITED.forEach((field, column) -> jdbc.update("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, customer_id, field,
                    old_value, new_value)
                SELECT ?, ?, 'UPDATE', 'Customer', c.id, c.id, ?, CAST(c.%1$s AS VARCHAR(2000)),
                    CAST(%2$s AS VARCHAR(2000)) %3$s AND c.%1$s IS DISTINCT FROM %2$s""".formatted(column,
                value.get(column), existing), now, actor, field, id));
        jdbc.update("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, customer_id, field,
                    old_value, new_value)
                SELECT ?, ?, 'UPDATE', 'Customer', c.id, c.id, 'owner', o.username, n.username
                FROM customer_import_stage s JOIN customer c ON c.id = s.customer_id
                JOIN app_user o ON o.id = c.owner_id JOIN app_user n ON n.id = s.owner_id
                WHERE s.import_id = ? AND c.owner_id <> s.owner_id""", now, actor, id);
        jdbc.update("""
                MERGE INTO customer c
                USING (SELECT * FROM customer_import_stage WHERE import_id = ? AND customer_id IS NOT NULL) s
                ON c.id = s.customer_id
                WHEN MATCHED AND (%s) THEN UPDATE SET name = s.name, industry = s.industry, region = s.region,
                    owner_id = s.owner_id, phone = %s, address = %s, status = %s, lost_reason = %s,
                    annual_sales = %s, employee_count = %s, updated_at = ?, version = c.version + 1"""
                .formatted(changed, value.get("phone"), value.get("address"), value.get("status"),
                        value.get("lost_reason"), value.get("annual_sales"), value.get("employee_count")), id, now);
        jdbc.update("""
                INSERT INTO customer (code, name, industry, region, owner_id, phone, address, status, lost_reason,
                    annual_sales, employee_count, long_term_agreement, designated_key, created_at, updated_at,
                    deleted, version)
                SELECT code, name, industry, region, owner_id, phone, address, COALESCE(status, 'ACTIVE'), lost_reason,
                    annual_sales, employee_count, FALSE, FALSE, ?, ?, FALSE, 0
                FROM customer_import_stage WHERE import_id = ? AND customer_id IS NULL""", now, now, id);
        List<Long> createdIds = jdbc.queryForList("""
                SELECT c.id FROM customer_import_stage s JOIN customer c ON c.code = s.code
                WHERE s.import_id = ? AND s.customer_id IS NULL""", Long.class, id);
        jdbc.batchUpdate("""
                INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, customer_id)
                VALUES (?, ?, 'CREATE', 'Customer', ?, ?)""",
                createdIds.stream().map(c -> new Object[] {now, actor, c, c}).toList());
        rescheduled.addAll(createdIds);
        return new Applied(created, updated, total - created - updated, rescheduled);
    }

    /** The SQL for each optional column's new value: the file's where it has the column, else the stored one. */
    private static Map<String, String> newValues(Set<String> columns) {
        Map<String, String> value = new HashMap<>();
        for (String column : AUDITED.values()) {
            boolean optional = OPTIONAL.contains(column);
            value.put(column, !optional || columns.contains(column) ? "s." + column : "c." + column);
        }
        // a blank status cell keeps the status (a customer is never without one)
        value.put("status", columns.contains("status") ? "COALESCE(s.status, c.status)" : "c.status");
        return value;
    }

    private void flush(List<Object[]> stage) {
        if (!stage.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO customer_import_stage (import_id, line_no, code, name, industry, region, owner_id,
                        phone, address, status, lost_reason, annual_sales, employee_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", stage, STAGE_TYPES);
            stage.clear();
        }
    }

    private List<LineError> duplicates(long id) {
        return jdbc.query("""
                SELECT s.line_no, s.code, d.first_line FROM customer_import_stage s
                JOIN (SELECT code, MIN(line_no) AS first_line FROM customer_import_stage
                      WHERE import_id = ? GROUP BY code HAVING COUNT(*) > 1) d ON d.code = s.code
                WHERE s.import_id = ? AND s.line_no > d.first_line ORDER BY s.line_no""",
                (rs, n) -> new LineError(rs.getLong("line_no"), "code", rs.getString("code"), Reason.DUPLICATE_CODE,
                        String.valueOf(rs.getLong("first_line"))), id, id);
    }

    private long count(String sql, long id) {
        Long count = jdbc.queryForObject(sql, Long.class, id);
        return count == null ? 0 : count;
    }

    private CustomerLineParser.Book book() {
        Map<String, Long> managers = new HashMap<>();
        jdbc.query("SELECT id, username FROM app_user WHERE role = ? AND enabled = TRUE", rs -> {
            managers.put(rs.getString("username"), rs.getLong("id"));
        }, Role.ACCOUNT_MANAGER.name());
        Set<String> deleted = new HashSet<>(jdbc.queryForList("SELECT code FROM customer WHERE deleted = TRUE",
                String.class));
        return new CustomerLineParser.Book() {
            @Override
            public Optional<Long> accountManager(String username) {
                return Optional.ofNullable(managers.get(username));
            }

            @Override
            public boolean codeOfDeletedCustomer(String code) {
                return deleted.contains(code);
            }
        };
    }

    private static Object[] stageRow(long id, CustomerLine line) {
        return new Object[] {id, line.lineNo(), line.code(), line.name(), line.industry().name(),
            line.region().name(), line.ownerId(), line.phone(), line.address(),
            line.status() == null ? null : line.status().name(), line.lostReason(), line.annualSales(),
            line.employeeCount()};
    }
}

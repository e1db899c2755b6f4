package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerService.ImportedCustomers;
import com.keyaccount.crm.customer.CustomersChanged;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.customer.StagedCustomers;
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
import java.sql.Types;
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
    private static final int[] STAGE_TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.NUMERIC, Types.INTEGER};
    private final DataImports imports;
    private final CustomerService customers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecomputeRequests recompute;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    public CustomerImports(DataImports imports, CustomerService customers, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, RecomputeRequests recompute, ApplicationEventPublisher events,
            MessageSource messages) {
        this.customers = customers;
        this.recompute = recompute;
        this.events = events;
        this.imports = imports;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.messages = messages;
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
            ImportedCustomers applied = transaction.execute(status -> {
                jdbc.update("""
                        UPDATE customer_import_stage SET customer_id = (SELECT c.id FROM customer c
                            WHERE c.code = customer_import_stage.code) WHERE import_id = ?""", id);
                return customers.applyImport(actor, new StagedCustomers(id, columns));
            });
            events.publishEvent(new CustomersChanged(applied.rescheduled()));
            events.publishEvent(new TiersChanged("customer import " + id));
            // new customers are ranked (and everyone's rank among them) at once, not at night
            boolean busy = applied.created() > 0
                    && recompute.startNowOrNext("CUSTOMER_IMPORT", actor) == Scheduled.RUNNING_ELSEWHERE;
            imports.finish(id, Status.DONE, applied.created(), applied.updated(), applied.unchanged(), 0L,
                    busy ? "RECOMPUTE_BUSY" : null);
        } finally {
            jdbc.update("DELETE FROM customer_import_stage WHERE import_id = ?", id);
        }
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

package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.Adoption;
import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.customer.CustomerService.ImportedCustomers;
import com.keyaccount.crm.customer.CustomerStatus;
import com.keyaccount.crm.customer.CustomersChanged;
import com.keyaccount.crm.customer.Industry;
import com.keyaccount.crm.customer.PotentialFactorsService;
import com.keyaccount.crm.customer.Region;
import com.keyaccount.crm.customer.StagedCustomers;
import com.keyaccount.crm.importing.DataImport.Status;
import com.keyaccount.crm.importing.FileImport;
import com.keyaccount.crm.importing.ImportJobs;
import com.keyaccount.crm.importing.ImportKind;
import com.keyaccount.crm.importing.ImportReader;
import com.keyaccount.crm.importing.ImportReader.Reading;
import com.keyaccount.crm.importing.ImportRecords;
import com.keyaccount.crm.importing.LabelledColumns;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineSource;
import com.keyaccount.crm.prospect.ImportedProspects;
import com.keyaccount.crm.prospect.rules.CloseClass;
import com.keyaccount.crm.tier.RecomputeRequests;
import com.keyaccount.crm.tier.RecomputeRequests.Scheduled;
import com.keyaccount.crm.tier.TiersChanged;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
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
 * named as the actor's action, and the schedules of new and reassigned customers follow. Lines of
 * prospects may carry their stage and grade ({@link ProspectCells}), written by
 * {@link ImportedProspects} in the same transaction.
 */
@Service
public class CustomerImports implements FileImport {

    static final int BATCH = 5_000;

    private final ImportJobs jobs;
    private final ImportReader reader;
    private final ImportRecords records;
    private final CustomerStage stage;
    private final CustomerService customers;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final RecomputeRequests recompute;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final ImportedProspects prospects;
    private final Clock clock;
    private final PotentialFactorsService potentialFactors;

    CustomerImports(ImportJobs jobs, ImportReader reader, ImportRecords records, CustomerStage stage,
            CustomerService customers, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            RecomputeRequests recompute, ApplicationEventPublisher events, MessageSource messages,
            ImportedProspects prospects, Clock clock, PotentialFactorsService potentialFactors) {
        this.jobs = jobs;
        this.reader = reader;
        this.records = records;
        this.stage = stage;
        this.customers = customers;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.recompute = recompute;
        this.events = events;
        this.messages = messages;
        this.prospects = prospects;
        this.clock = clock;
        this.potentialFactors = potentialFactors;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CUSTOMERS;
    }

    @Override
    public long start(Viewer viewer, String fileName, LineSource file) {
        return jobs.start(viewer, ImportKind.CUSTOMERS, fileName, file, this::run);
    }

    private void run(long id, LineSource file, String actor) throws IOException {
        try {
            ImportedProspects.Ladder ladder = prospects.ladder();
            ProspectCells prospectCells = new ProspectCells(ladder.ladder(),
                    new Labels<>(CloseClass.class, "cadence.closeClass.", messages));
            AssessmentCells assessments = new AssessmentCells(new Labels<>(Adoption.class, "adoption.", messages),
                    potentialFactors.current().factors());
            CustomerLineParser parser = new CustomerLineParser(book(), new Labels<>(Industry.class, "industry.", messages),
                    new Labels<>(Region.class, "region.", messages), new Labels<>(CustomerStatus.class, "status.", messages),
                    prospectCells, assessments);
            List<CustomerLine> batch = new ArrayList<>(BATCH);
            Set<String> columns = new HashSet<>();
            // an export's header is in its reader's language: 客户编码 or Customer code reads as code
            LineSource labelled = LabelledColumns.of(file, CustomerLineParser.COLUMNS, assessments.otherHeaders(),
                    messages);
            Reading reading = reader.read(id, labelled, CustomerLineParser.REQUIRED, BATCH, (lineNo, cells, errors) -> {
                columns.addAll(cells.keySet());
                parser.parse(lineNo, cells, errors).ifPresent(batch::add);
            }, () -> stage.add(id, batch));
            ImportedProspects.Columns prospectColumns = new ImportedProspects.Columns(columns.contains("stage"),
                    columns.contains("close_class"), columns.contains("expected_monthly_value"));
            List<LineError> found = new ArrayList<>(stage.duplicates(id));
            if (prospectColumns.any()) {
                found.addAll(stage.prospectErrors(id, prospectCells.refusalStage(), prospectCells.leadStage()));
                // one count per bad line: a line may be a duplicate and a bad prospect too
                found.sort(Comparator.comparingLong(LineError::lineNo));
            }
            reader.addErrors(id, reading, found);
            if (reading.badLines() > 0) {
                records.finish(id, Status.REJECTED, null, null, null, reading.badLines(), null);
                return;
            }
            List<Long> regraded = new ArrayList<>();
            ImportedCustomers applied = transaction.execute(status -> {
                stage.matchCustomers(id);
                ImportedCustomers done = customers.applyImport(actor, new StagedCustomers(id, columns));
                if (prospectColumns.any()) {
                    regraded.addAll(prospects.apply(actor, id, ladder, prospectColumns, clock.instant()));
                }
                return done;
            });
            Set<Long> rescheduled = new LinkedHashSet<>(applied.rescheduled());
            rescheduled.addAll(regraded);
            events.publishEvent(new CustomersChanged(List.copyOf(rescheduled)));
            events.publishEvent(new TiersChanged("customer import " + id));
            // new customers are ranked (and everyone's rank among them) at once, not at night
            boolean busy = applied.created() > 0
                    && recompute.startNowOrNext("CUSTOMER_IMPORT", actor) == Scheduled.RUNNING_ELSEWHERE;
            records.finish(id, Status.DONE, applied.created(), applied.updated(), applied.unchanged(), 0L,
                    busy ? "RECOMPUTE_BUSY" : null);
        } finally {
            stage.discard(id);
        }
    }

    /** Owners and deleted codes, read once per file: a lookup per line would dominate a big import. */
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
}

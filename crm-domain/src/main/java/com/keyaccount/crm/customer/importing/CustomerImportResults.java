package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.customer.SameNames;
import com.keyaccount.crm.importing.DataImports;
import com.keyaccount.crm.user.Viewer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer import did, for its page (directors and admins): the customers its lines
 * created or changed, and the new customers named like another customer, in the book or in the
 * same file, compared as the customer form compares names ({@link SameNames}). Only a warning:
 * two companies may share a name, so the file is imported and the user looks.
 */
@Service
@Transactional(readOnly = true)
public class CustomerImportResults {

    /** A big import lists its first customers by line; the page gives the counts. */
    public static final int LISTED = 50;
    /** At most this many customers of likely duplicates are read; the page says when there are more. */
    static final int NAMESAKES = 200;

    private final JdbcTemplate jdbc;

    CustomerImportResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer one line created or changed. */
    public record ImportedCustomer(long lineNo, long customerId, String code, String name, boolean created,
            boolean deleted) {
    }

    /** The customers one name belongs to, at least one of them created by the import. */
    public record SameName(String name, List<Namesake> customers) {
    }

    /**
     * One of them; {@code lineNo} is the import's line that created or changed it, null when the
     * import did not touch it.
     */
    public record Namesake(long customerId, String code, String name, String owner, Long lineNo, boolean created) {
    }

    /** The names shared, in the order of the lines that created them; {@code more}: not all are listed. */
    public record LikelyDuplicates(List<SameName> names, boolean more) {
    }

    /** The first {@link #LISTED} customers the import created or changed, by line. */
    public List<ImportedCustomer> listed(Viewer viewer, long importId) {
        DataImports.requireLeadership(viewer);
        return jdbc.query("""
                SELECT m.line_no, m.customer_id, m.created, c.code, c.name, c.deleted
                FROM data_import_customer m JOIN customer c ON c.id = m.customer_id
                WHERE m.import_id = ? ORDER BY m.line_no LIMIT ?""",
                (rs, n) -> new ImportedCustomer(rs.getLong("line_no"), rs.getLong("customer_id"), rs.getString("code"),
                        rs.getString("name"), rs.getBoolean("created"), rs.getBoolean("deleted")),
                importId, LISTED);
    }

    /** Every customer (not deleted) sharing its name with a customer the import created. */
    public LikelyDuplicates likelyDuplicates(Viewer viewer, long importId) {
        DataImports.requireLeadership(viewer);
        String key = SameNames.comparableSql("c.name");
        Map<String, List<Namesake>> byName = new LinkedHashMap<>();
        jdbc.query("""
                SELECT c.id, c.code, c.name, u.display_name, m.line_no, m.created, %1$s AS name_key
                FROM customer c JOIN app_user u ON u.id = c.owner_id
                LEFT JOIN data_import_customer m ON m.import_id = ? AND m.customer_id = c.id
                WHERE c.deleted = FALSE AND %1$s IN (
                    SELECT %2$s FROM data_import_customer i JOIN customer n ON n.id = i.customer_id
                    WHERE i.import_id = ? AND i.created = TRUE AND n.deleted = FALSE)
                ORDER BY name_key, c.id LIMIT ?""".formatted(key, SameNames.comparableSql("n.name")), rs -> {
                    long line = rs.getLong("line_no");
                    Long lineNo = rs.wasNull() ? null : line;
                    byName.computeIfAbsent(rs.getString("name_key"), k -> new ArrayList<>()).add(new Namesake(
                            rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                            rs.getString("display_name"), lineNo, lineNo != null && rs.getBoolean("created")));
                }, importId, importId, NAMESAKES + 1);
        int read = byName.values().stream().mapToInt(List::size).sum();
        // a name cut off by the limit may have lost its new customer: it is among those not listed
        List<SameName> shared = byName.values().stream()
                .filter(customers -> customers.size() > 1 && customers.stream().anyMatch(Namesake::created))
                .map(CustomerImportResults::sameName)
                .sorted(Comparator.comparingLong(CustomerImportResults::firstCreatedLine)).toList();
        return new LikelyDuplicates(shared, read > NAMESAKES);
    }

    /** New customers first, by line, then those already in the book. */
    private static SameName sameName(List<Namesake> customers) {
        List<Namesake> ordered = customers.stream().sorted(Comparator.comparing((Namesake c) -> !c.created())
                .thenComparing(c -> c.lineNo() == null ? Long.MAX_VALUE : c.lineNo())).toList();
        return new SameName(ordered.get(0).name(), ordered);
    }

    private static long firstCreatedLine(SameName name) {
        return name.customers().get(0).lineNo();
    }
}

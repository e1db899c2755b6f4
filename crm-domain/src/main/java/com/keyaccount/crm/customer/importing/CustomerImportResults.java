package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.importing.DataImports;
import com.keyaccount.crm.user.Viewer;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer import did, for its page (directors and admins): the customers its lines
 * created or changed.
 */
@Service
@Transactional(readOnly = true)
public class CustomerImportResults {

    /** A big import lists its first customers by line; the page gives the counts. */
    public static final int LISTED = 50;

    private final JdbcTemplate jdbc;

    CustomerImportResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer one line created or changed. */
    public record ImportedCustomer(long lineNo, long customerId, String code, String name, boolean created,
            boolean deleted) {
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
}

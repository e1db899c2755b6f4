package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.importing.ImportStage;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of {@code customer_import_stage}: checked customer lines wait there, outside
 * any transaction, until the whole file is known to be good; {@code CustomerService} then
 * applies them set-based.
 */
@Component
class CustomerStage implements ImportStage {

    private static final int[] TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.NUMERIC, Types.INTEGER};

    private final JdbcTemplate jdbc;

    CustomerStage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one batch of lines and empties it, so memory never holds more than a batch. */
    void add(long importId, List<CustomerLine> lines) {
        if (!lines.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO customer_import_stage (import_id, line_no, code, name, industry, region, owner_id,
                        phone, address, status, lost_reason, annual_sales, employee_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    lines.stream().map(line -> row(importId, line)).toList(), TYPES);
            lines.clear();
        }
    }

    /** Lines repeating the code of an earlier line. */
    List<LineError> duplicates(long importId) {
        return jdbc.query("""
                SELECT s.line_no, s.code, d.first_line FROM customer_import_stage s
                JOIN (SELECT code, MIN(line_no) AS first_line FROM customer_import_stage
                      WHERE import_id = ? GROUP BY code HAVING COUNT(*) > 1) d ON d.code = s.code
                WHERE s.import_id = ? AND s.line_no > d.first_line ORDER BY s.line_no""",
                (rs, n) -> new LineError(rs.getLong("line_no"), "code", rs.getString("code"), Reason.DUPLICATE_CODE,
                        String.valueOf(rs.getLong("first_line"))), importId, importId);
    }

    /** Notes on each line the customer that already has its code: those lines update, the others create. */
    void matchCustomers(long importId) {
        jdbc.update("""
                UPDATE customer_import_stage SET customer_id = (SELECT c.id FROM customer c
                    WHERE c.code = customer_import_stage.code) WHERE import_id = ?""", importId);
    }

    @Override
    public void discard(long importId) {
        jdbc.update("DELETE FROM customer_import_stage WHERE import_id = ?", importId);
    }

    private static Object[] row(long importId, CustomerLine line) {
        return new Object[] {importId, line.lineNo(), line.code(), line.name(), line.industry().name(),
            line.region().name(), line.ownerId(), line.phone(), line.address(),
            line.status() == null ? null : line.status().name(), line.lostReason(), line.annualSales(),
            line.employeeCount()};
    }
}

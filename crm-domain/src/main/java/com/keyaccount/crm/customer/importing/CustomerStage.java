package com.keyaccount.crm.customer.importing;

import com.keyaccount.crm.importing.ImportStage;
import com.keyaccount.crm.importing.LineError;
import com.keyaccount.crm.importing.LineError.Reason;
import java.sql.Types;
import java.util.ArrayList;
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
        Types.NUMERIC, Types.INTEGER, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC,
        Types.NUMERIC, Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR};

    private final JdbcTemplate jdbc;

    CustomerStage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one batch of lines and empties it, so memory never holds more than a batch. */
    void add(long importId, List<CustomerLine> lines) {
        if (!lines.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO customer_import_stage (import_id, line_no, code, name, industry, region, owner_id,
                        phone, address, status, lost_reason, annual_sales, employee_count, stage, stage_won, close_class,
                        expected_monthly_value, latitude, longitude, potential, adoption, potential_row, potential_column,
                        province_code, city_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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

    /**
     * Lines whose prospect cells do not fit the status the line leaves the customer with (its own,
     * else the stored one, else active for a new customer): a stage below the won stage belongs to
     * a prospect, the won stage and above to a customer; a grade to a prospect (or a line naming a
     * stage); and only a prospect's page, with the reason, moves a prospect onto the refusal stage.
     *
     * @param refusalStage the ladder's refusal stage, or null when it has none
     * @param leadStage    where a prospect without a row of its own stands
     */
    List<LineError> prospectErrors(long importId, String refusalStage, String leadStage) {
        String lines = """
                FROM customer_import_stage s LEFT JOIN customer c ON c.code = s.code
                LEFT JOIN prospect p ON p.customer_id = c.id
                WHERE s.import_id = ? AND\s""";
        String prospect = "(COALESCE(s.status, c.status, 'ACTIVE') = 'PROSPECT')";
        List<LineError> found = new ArrayList<>(jdbc.query("SELECT s.line_no, s.stage, s.stage_won " + lines
                + "s.stage IS NOT NULL AND s.stage_won = " + prospect + " ORDER BY s.line_no",
                (rs, n) -> new LineError(rs.getLong("line_no"), "stage", rs.getString("stage"),
                        rs.getBoolean("stage_won") ? Reason.PROSPECT_AT_WON_STAGE : Reason.STAGE_NEEDS_PROSPECT, null),
                importId));
        found.addAll(jdbc.query("SELECT s.line_no, s.close_class, s.expected_monthly_value " + lines
                + "s.stage IS NULL AND (s.close_class IS NOT NULL OR s.expected_monthly_value IS NOT NULL) AND NOT "
                + prospect + " ORDER BY s.line_no",
                (rs, n) -> rs.getString("close_class") != null
                        ? new LineError(rs.getLong("line_no"), "close_class", rs.getString("close_class"),
                                Reason.GRADE_NEEDS_PROSPECT, null)
                        : new LineError(rs.getLong("line_no"), "expected_monthly_value",
                                rs.getBigDecimal("expected_monthly_value").toPlainString(), Reason.GRADE_NEEDS_PROSPECT,
                                null), importId));
        if (refusalStage != null) {
            found.addAll(jdbc.query("SELECT s.line_no, s.stage " + lines
                    + "s.stage = ? AND COALESCE(p.stage, ?) <> s.stage ORDER BY s.line_no",
                    (rs, n) -> new LineError(rs.getLong("line_no"), "stage", rs.getString("stage"),
                            Reason.REFUSAL_BY_IMPORT, null), importId, refusalStage, leadStage));
        }
        return found;
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
            line.employeeCount(), line.prospect().stage(), line.prospect().stageWon(),
            line.prospect().closeClass() == null ? null : line.prospect().closeClass().name(),
            line.prospect().expectedMonthlyValue(), line.location().latitude(), line.location().longitude(),
            line.assessment().potential(),
            line.assessment().adoption() == null ? null : line.assessment().adoption().name(),
            line.assessment().row(), line.assessment().column(), line.place().provinceCode(), line.place().cityCode()};
    }
}

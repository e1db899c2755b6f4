package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.user.Viewer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import com.keyaccount.crm.web.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The current tiers as CSV that Excel on Chinese Windows opens correctly (UTF-8 with BOM),
 * streamed row by row, limited to the customers the viewer may see.
 */
@Service
@RequiredArgsConstructor
public class TierExport {

    static final String[] HEADER = {"code", "name", "owner", "tier", "computed_tier", "pinned_tier",
        "pinned_until", "revenue_in_window", "order_count", "avg_days_to_pay", "rank", "share_before", "score",
        "policy_version"};

    private final JdbcTemplate jdbc;

    public void write(Viewer viewer, Writer out) {
        try {
            out.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
            String sql = """
                    SELECT c.code, c.name, u.username AS owner, t.effective_tier, t.computed_tier, t.pinned_tier, t.pinned_until,
                           t.revenue, t.order_count, t.avg_days_to_pay, t.rank_position, t.share_before, t.score,
                           t.policy_version
                    FROM customer c JOIN app_user u ON u.id = c.owner_id
                    LEFT JOIN customer_tier t ON t.customer_id = c.id
                    WHERE c.deleted = FALSE""" + (viewer.role().seesAllCustomers() ? "" : " AND c.owner_id = ?")
                    + " ORDER BY c.code";
            Object[] args = viewer.role().seesAllCustomers() ? new Object[0] : new Object[] {viewer.userId()};
            jdbc.query(con -> {
                var ps = con.prepareStatement(sql);
                ps.setFetchSize(2_000);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps;
            }, rs -> {
                print(csv, rs);
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(CSVPrinter csv, ResultSet rs) throws SQLException {
        List<Object> row = new ArrayList<>(HEADER.length);
        for (int column = 1; column <= HEADER.length; column++) {
            Object value = rs.getObject(column);
            row.add(value instanceof String text ? SpreadsheetCells.neutralise(text)
                    : value instanceof BigDecimal number ? number.toPlainString() : value);
        }
        try {
            csv.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

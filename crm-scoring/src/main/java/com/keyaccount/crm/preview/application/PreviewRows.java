package com.keyaccount.crm.preview.application;

import com.keyaccount.crm.preview.application.Preview.LineCounts;
import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.tier.application.LineFigures;
import com.keyaccount.crm.tier.application.WindowFigures;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the preview reads: every customer as stored now with the figures of a draft's window,
 * from the recompute's aggregate (per customer, or per customer and product line), and the line
 * tiers stored now. Reads only.
 */
final class PreviewRows {

    private static final String SQL = """
            SELECT c.id, c.owner_id, t.effective_tier, t.pinned_tier, t.pinned_until, %s
                   a.revenue, a.margin, a.orders, a.days_to_pay, a.paid
            FROM customer c
            LEFT JOIN %s a ON a.customer_id = c.id
            LEFT JOIN customer_tier t ON t.customer_id = c.id
            WHERE c.deleted = FALSE""";

    /** One customer as stored now, with the figures of the draft's window. */
    record Row(CustomerFigures figures, long ownerId, Tier stored, Tier pinned, LocalDate pinnedUntil) {

        Row with(CustomerFigures summed) {
            return new Row(summed, ownerId, stored, pinned, pinnedUntil);
        }
    }

    private final JdbcTemplate jdbc;
    private final String book;
    private final String perLine;

    PreviewRows(JdbcTemplate jdbc, DatabaseVendor database) {
        this.jdbc = jdbc;
        WindowFigures figures = new WindowFigures(database);
        this.book = SQL.formatted("", figures.aggregate());
        this.perLine = SQL.formatted("a.customer_id AS sold, a.product_line_id,", figures.aggregatePerLine());
    }

    Map<Long, Row> book(LocalDate from, LocalDate to) {
        Map<Long, Row> rows = new HashMap<>();
        WindowFigures.stream(jdbc, book, from, to, rs -> {
            Row row = row(rs);
            rows.put(row.figures().customerId(), row);
        });
        return rows;
    }

    /** Fills {@code lines} with every line's customers; returns the customers with their figures over all lines. */
    Map<Long, Row> perLine(LocalDate from, LocalDate to, LineFigures lines) {
        Map<Long, Row> stored = new HashMap<>();
        WindowFigures.stream(jdbc, perLine, from, to, rs -> {
            lines.add(rs);
            long id = rs.getLong("id");
            if (!stored.containsKey(id)) {
                stored.put(id, row(rs));
            }
        });
        Map<Long, Row> rows = new HashMap<>(stored.size() * 2);
        stored.forEach((id, row) -> rows.put(id, row.with(lines.customer(id))));
        return rows;
    }

    /** Per product line (every line, by name): customers per tier stored now and under the draft's decisions. */
    List<LineCounts> lineCounts(Map<Long, List<TierDecision>> draft) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.query("SELECT id, COALESCE(NULLIF(TRIM(name), ''), code) AS line_name FROM product_line "
                + "ORDER BY line_name, id", rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        Map<Long, Map<Tier, Long>> now = new HashMap<>();
        jdbc.query("SELECT product_line_id, tier, COUNT(*) FROM customer_line_tier GROUP BY product_line_id, tier",
                rs -> {
                    now.computeIfAbsent(rs.getLong(1), line -> counts()).put(Tier.valueOf(rs.getString(2)),
                            rs.getLong(3));
                });
        List<LineCounts> lines = new ArrayList<>();
        names.forEach((line, name) -> {
            Map<Tier, Long> under = counts();
            draft.getOrDefault(line, List.of()).forEach(d -> under.merge(d.tier(), 1L, Long::sum));
            Map<Tier, Long> before = now.getOrDefault(line, counts());
            if (draft.containsKey(line) || now.containsKey(line)) {
                lines.add(new LineCounts(line, name, before, under));
            }
        });
        return lines;
    }

    static Map<Tier, Long> counts() {
        Map<Tier, Long> counts = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            counts.put(tier, 0L);
        }
        return counts;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Date pinnedUntil = rs.getDate("pinned_until");
        return new Row(WindowFigures.of(rs), rs.getLong("owner_id"), tier(rs.getString("effective_tier")),
                tier(rs.getString("pinned_tier")), pinnedUntil == null ? null : pinnedUntil.toLocalDate());
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }
}

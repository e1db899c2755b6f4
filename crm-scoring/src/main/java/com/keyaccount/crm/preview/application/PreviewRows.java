package com.keyaccount.crm.preview.application;

import com.keyaccount.crm.preview.application.Preview.LineCounts;
import com.keyaccount.crm.scoring.CustomerFigures;
import com.keyaccount.crm.scoring.TierDecision;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.Tier;
import com.keyaccount.crm.scoring.method.PerLineTiers;
import com.keyaccount.crm.tier.application.KeptWindowFigures;
import com.keyaccount.crm.tier.application.LineWindows;
import com.keyaccount.crm.tier.rules.RuleSet;
import com.keyaccount.crm.preview.application.Preview.WithoutLine;
import java.math.BigDecimal;
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
 * as the recompute counts them (the kept figures when they are that window's, else its aggregate;
 * per customer, or per customer and product line), and the line tiers stored now. Reads only.
 */
final class PreviewRows {

    private static final String SQL = """
            SELECT c.id, c.owner_id, c.designated_key, c.potential, c.created_at, t.effective_tier, t.pinned_tier, t.pinned_until,
                   a.revenue, a.margin, a.orders, a.days_to_pay, a.paid
            FROM customer c
            LEFT JOIN %s a ON a.customer_id = c.id
            LEFT JOIN customer_tier t ON t.customer_id = c.id
            WHERE c.deleted = FALSE""";

    /** One customer as stored now, with the figures of the draft's window. */
    record Row(CustomerFigures figures, long ownerId, Tier stored, Tier pinned, LocalDate pinnedUntil,
            boolean designated) {
    }

    private final JdbcTemplate jdbc;
    private final KeptWindowFigures windows;
    private final LineWindows lineWindows;

    PreviewRows(JdbcTemplate jdbc, KeptWindowFigures kept, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.windows = kept;
        this.lineWindows = new LineWindows(jdbc, database);
    }

    Map<Long, Row> book(LocalDate from, LocalDate to) {
        Map<Long, Row> rows = new HashMap<>();
        WindowFigures.stream(jdbc, SQL.formatted(windows.figuresOf(from, to)), rs -> {
            Row row = row(rs, to);
            rows.put(row.figures().customerId(), row);
        });
        return rows;
    }

    /**
     * The draft's tiers per product line: every customer as stored with its book figures, and its
     * tier for quotas; each line's tier counts now and under the draft; what lines without a
     * product line leave out of the rankings (the book's totals less the lines'). Lines are ranked
     * one at a time, so memory holds one line's customers.
     */
    record PerLine(Map<Long, Row> rows, List<TierDecision> decisions, List<LineCounts> lines,
            WithoutLine withoutLine) {
    }

    PerLine perLine(RuleSet draft, LocalDate from, LocalDate to) {
        Map<Long, Row> loaded = book(from, to);
        PerLineTiers tiers = new PerLineTiers(draft);
        Map<Long, Map<Tier, Long>> underDraft = new HashMap<>();
        long[] ordersOnLines = {0};
        BigDecimal[] revenueOnLines = {BigDecimal.ZERO};
        lineWindows.forEachLine(from, to, (line, figures) -> {
            Map<Tier, Long> counts = counts();
            tiers.rank(line, figures).forEach(d -> counts.merge(d.tier(), 1L, Long::sum));
            underDraft.put(line, counts);
            for (CustomerFigures f : figures) {
                ordersOnLines[0] += f.orderCount();
                revenueOnLines[0] = revenueOnLines[0].add(f.revenue());
            }
        });
        long orders = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (Row row : loaded.values()) {
            orders += row.figures().orderCount();
            revenue = revenue.add(row.figures().revenue());
        }
        return new PerLine(loaded, tiers.quotaTiers(loaded.keySet()), lineCounts(underDraft),
                new WithoutLine(orders - ordersOnLines[0], revenue.subtract(revenueOnLines[0])));
    }

    /** Per product line (every line, by name): customers per tier stored now and under the draft's decisions. */
    private List<LineCounts> lineCounts(Map<Long, Map<Tier, Long>> draft) {
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
            Map<Tier, Long> under = draft.getOrDefault(line, counts());
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

    private static Row row(ResultSet rs, LocalDate to) throws SQLException {
        Date pinnedUntil = rs.getDate("pinned_until");
        return new Row(WindowFigures.withProfile(rs, to), rs.getLong("owner_id"), tier(rs.getString("effective_tier")),
                tier(rs.getString("pinned_tier")), pinnedUntil == null ? null : pinnedUntil.toLocalDate(),
                rs.getBoolean("designated_key"));
    }

    private static Tier tier(String value) {
        return value == null ? null : Tier.valueOf(value);
    }
}

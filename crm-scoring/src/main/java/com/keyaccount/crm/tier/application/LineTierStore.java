package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.application.LineTierChanges.Key;
import com.keyaccount.crm.tier.application.LineTierChanges.Row;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code customer_line_tier}: a per-product-line recompute's changed line
 * tiers, written in the caller's transaction (the one that applies the customers' tiers, so pages
 * never mix two runs); a recompute over the whole book empties it.
 */
@Component
class LineTierStore {

    private static final int CHUNK = 5_000;
    private static final String COLUMNS = "customer_id, product_line_id, tier, policy_version, computed_at, revenue, "
            + "margin, order_count, score, score_parts";
    private static final String INSERT = "INSERT INTO customer_line_tier (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.NUMERIC, Types.NUMERIC, Types.BIGINT, Types.INTEGER, Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final boolean copy;

    LineTierStore(JdbcTemplate jdbc, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.copy = !database.isH2();
    }

    /** The line tiers as stored now, to compare a run's decisions with. */
    Map<Key, Row> stored() {
        Map<Key, Row> rows = new HashMap<>();
        jdbc.query("""
                SELECT customer_id, product_line_id, tier, policy_version, revenue, margin, order_count, score,
                       score_parts FROM customer_line_tier""", rs -> {
                    int score = rs.getInt("score");
                    Integer scored = rs.wasNull() ? null : score;
                    Row row = new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), null,
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7), scored, rs.getString(9));
                    rows.put(row.key(), row);
                });
        return rows;
    }

    /** Writes what changed, in the caller's transaction; returns how many rows were written. */
    int apply(LineTierChanges changes) {
        if (changes.rewritesAll()) {
            jdbc.update("DELETE FROM customer_line_tier");
            insert(changes.all());
            return changes.all().size();
        }
        List<Object[]> keys = changes.gone().stream().map(k -> new Object[] {k.customerId(), k.productLineId()})
                .collect(Collectors.toCollection(ArrayList::new));
        changes.changed().forEach(row -> keys.add(new Object[] {row.customerId(), row.productLineId()}));
        for (int from = 0; from < keys.size(); from += CHUNK) {
            jdbc.batchUpdate("DELETE FROM customer_line_tier WHERE customer_id = ? AND product_line_id = ?",
                    keys.subList(from, Math.min(keys.size(), from + CHUNK)), new int[] {Types.BIGINT, Types.BIGINT});
        }
        insert(changes.changed());
        return changes.changed().size();
    }

    /** No line tiers: tiers are ranked over the whole book. */
    void clear() {
        jdbc.update("DELETE FROM customer_line_tier");
    }

    /**
     * A first per-line run or a new policy version writes every line tier (five lines: five rows
     * a customer), so on PostgreSQL they go in with COPY, as the recompute's staged tiers do.
     */
    private void insert(List<Row> rows) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + CHUNK)).stream()
                    .map(r -> new Object[] {r.customerId(), r.productLineId(), r.tier(), r.policyVersion(),
                        r.computedAt(), r.revenue(), r.margin(), r.orderCount(), r.score(), r.scoreParts()})
                    .toList();
            if (copy) {
                copy(part);
            } else {
                jdbc.batchUpdate(INSERT, part, TYPES);
            }
        }
    }

    private void copy(List<Object[]> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 80);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(TierStage.cell(row[i]));
            }
            csv.append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY customer_line_tier (" + COLUMNS
                        + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new IllegalStateException("could not write line tiers", e);
            }
        });
    }
}

package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.application.LineTierChanges.Key;
import com.keyaccount.crm.tier.application.LineTierChanges.Row;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one writer of {@code customer_line_tier} and of its working table {@code line_tier_stage}:
 * a per-product-line recompute stages each line's changes as soon as the line is ranked, then
 * applies them all in the transaction that applies the customers' tiers (so pages never mix two
 * runs); a recompute over the whole book empties the table.
 */
@Component
class LineTierStore {

    private static final int CHUNK = 10_000;
    private static final String COLUMNS = "customer_id, product_line_id, tier, policy_version, computed_at, revenue, "
            + "margin, order_count, score, score_parts";
    private static final String INSERT = "INSERT INTO line_tier_stage (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int[] TYPES = {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.INTEGER,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.NUMERIC, Types.NUMERIC, Types.BIGINT, Types.INTEGER, Types.VARCHAR};

    private final JdbcTemplate jdbc;
    private final boolean copy;

    LineTierStore(JdbcTemplate jdbc, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.copy = !database.isH2();
    }

    /** One line's tiers as stored now, to compare a run's decisions with. */
    Map<Key, Row> stored(long productLineId) {
        Map<Key, Row> rows = new HashMap<>();
        jdbc.query("""
                SELECT customer_id, product_line_id, tier, policy_version, revenue, margin, order_count, score,
                       score_parts FROM customer_line_tier WHERE product_line_id = ?""", rs -> {
                    int score = rs.getInt("score");
                    Integer scored = rs.wasNull() ? null : score;
                    Row row = new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), null,
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7), scored, rs.getString(9));
                    rows.put(row.key(), row);
                }, productLineId);
        return rows;
    }

    /** The lines that have stored tiers. */
    Set<Long> storedLines() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT product_line_id FROM customer_line_tier", Long.class));
    }

    /**
     * Empties the working table. TRUNCATE on PostgreSQL, for the reason {@link TierStage#clear()}
     * gives; H2's TRUNCATE commits, so H2 deletes.
     */
    void clearStage() {
        jdbc.update(copy ? "TRUNCATE TABLE line_tier_stage" : "DELETE FROM line_tier_stage");
    }

    /** Stages one line's changes, committed on their own: rows to write, and rows to remove (no tier). */
    void stage(LineTierChanges.OnLine changes) {
        List<Object[]> rows = new ArrayList<>(changes.changed().size() + changes.gone().size());
        changes.changed().forEach(r -> rows.add(new Object[] {r.customerId(), r.productLineId(), r.tier(),
            r.policyVersion(), r.computedAt(), r.revenue(), r.margin(), r.orderCount(), r.score(), r.scoreParts()}));
        changes.gone().forEach(k -> rows.add(new Object[] {k.customerId(), k.productLineId(), null, null, null, null,
            null, null, null, null}));
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            if (copy) {
                copy(part);
            } else {
                jdbc.batchUpdate(INSERT, part, TYPES);
            }
        }
    }

    /**
     * Applies the staged rows in the caller's transaction with set-based statements, then empties
     * the working table. When nothing stored stays as it was (a first per-line run, a new policy
     * version), emptying the table is cheaper than replacing its rows one by one.
     *
     * @param goneLines lines no customer sold on in the window any more
     * @return how many line tier rows were written
     */
    int applyStaged(boolean rewritesAll, List<Long> goneLines) {
        if (rewritesAll) {
            jdbc.update("DELETE FROM customer_line_tier");
        } else {
            goneLines.forEach(line -> jdbc.update("DELETE FROM customer_line_tier WHERE product_line_id = ?", line));
            jdbc.update("""
                    DELETE FROM customer_line_tier t WHERE EXISTS (SELECT 1 FROM line_tier_stage s
                        WHERE s.customer_id = t.customer_id AND s.product_line_id = t.product_line_id)""");
        }
        int written = jdbc.update("INSERT INTO customer_line_tier (" + COLUMNS + ") SELECT " + COLUMNS
                + " FROM line_tier_stage WHERE tier IS NOT NULL");
        clearStage();
        return written;
    }

    /** No line tiers: tiers are ranked over the whole book. */
    void clear() {
        jdbc.update("DELETE FROM customer_line_tier");
    }

    /** On PostgreSQL the staged rows go in with COPY, as the recompute's staged tiers do. */
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
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY line_tier_stage (" + COLUMNS
                        + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new IllegalStateException("could not stage line tiers", e);
            }
        });
    }
}

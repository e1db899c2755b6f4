package com.keyaccount.crm.tier.application;

import com.keyaccount.crm.shared.DatabaseVendor;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.IntConsumer;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fills and empties the recompute's working table ({@code tier_stage}); only {@link TierStore}
 * uses it. A first run or a new policy version rewrites every tier row, so on PostgreSQL the rows
 * go in with COPY — a fraction of the time of batched inserts; other databases get the batched
 * inserts.
 */
final class TierStage {

    static final String COLUMNS = "customer_id, computed_tier, policy_version, computed_at, revenue, margin, "
            + "order_count, avg_days_to_pay, score, score_parts, effective_tier, from_tier, history_reason";
    private static final int[] TYPES = {Types.BIGINT, Types.VARCHAR, Types.INTEGER,
        Types.TIMESTAMP_WITH_TIMEZONE, Types.NUMERIC, Types.NUMERIC, Types.BIGINT, Types.NUMERIC, Types.INTEGER,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    private static final int COPY_CHUNK = 10_000;
    private static final int BATCH_CHUNK = 5_000;

    /**
     * One changed tier row: the computed tier with its explanation and the effective tier; when
     * the effective tier moved, also where from and why (the history row to write).
     */
    record Row(long customerId, String computedTier, int policyVersion, OffsetDateTime computedAt,
            BigDecimal revenue, BigDecimal margin, long orderCount, BigDecimal averageDaysToPay, Integer score,
            String scoreParts, String effectiveTier, String fromTier, String historyReason) {

        /** The cells in {@link #COLUMNS} order. */
        Object[] cells() {
            return new Object[] {customerId, computedTier, policyVersion, computedAt, revenue, margin, orderCount,
                averageDaysToPay, score, scoreParts, effectiveTier, fromTier, historyReason};
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean copy;

    TierStage(JdbcTemplate jdbc, DatabaseVendor database) {
        this.jdbc = jdbc;
        this.copy = !database.isH2();
    }

    /**
     * Empties the working table. On PostgreSQL a DELETE would leave every staged row behind as a
     * dead tuple until vacuum, and each later statement over the table would scan them all;
     * TRUNCATE (transactional there) frees the pages at once. H2's TRUNCATE commits, so H2 deletes.
     */
    void clear() {
        jdbc.update(copy ? "TRUNCATE TABLE tier_stage" : "DELETE FROM tier_stage");
    }

    /** Stages the rows, reporting how many are in after each chunk. */
    void write(List<Row> rows, IntConsumer progress) {
        int chunk = copy ? COPY_CHUNK : BATCH_CHUNK;
        for (int from = 0; from < rows.size(); from += chunk) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + chunk));
            if (copy) {
                copy(part);
            } else {
                jdbc.batchUpdate("INSERT INTO tier_stage (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        part.stream().map(Row::cells).toList(), TYPES);
            }
            progress.accept(from + part.size());
        }
    }

    private void copy(List<Row> rows) {
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        for (Row staged : rows) {
            Object[] row = staged.cells();
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(row[i]));
            }
            csv.append('\n');
        }
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY tier_stage (" + COLUMNS + ") FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new IllegalStateException("could not stage tiers", e);
            }
        });
    }

    /** A CSV cell: empty for NULL, text always quoted (so an empty text is not NULL). */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return value.toString();
    }
}

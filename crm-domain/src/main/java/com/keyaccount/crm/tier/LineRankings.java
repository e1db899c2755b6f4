package com.keyaccount.crm.tier;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The latest recompute's Pareto ranking on each product line (table line_ranking), when tiers
 * are ranked per product line: stored once per line, as {@link ParetoRankings} stores the book's,
 * so that a day's sales (which move everyone's share on a line) rewrite a few blobs rather than
 * every customer's line tier row. Read per line, held in memory and checked against the row's id.
 */
@Service
public class LineRankings {

    private final JdbcTemplate jdbc;
    private final Map<Long, ParetoRankings.Ranking> cached = new ConcurrentHashMap<>();
    private final Map<Long, Long> cachedIds = new ConcurrentHashMap<>();

    public LineRankings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One line's ranking as a recompute made it: customers in rank order, shares before in millionths. */
    public record LineOrder(long[] customerIds, int[] sharesBefore) {

        public LineOrder {
            if (customerIds.length != sharesBefore.length) {
                throw new IllegalArgumentException("one share per ranked customer");
            }
        }
    }

    /** The customer's place in the latest ranking of the line; empty when it has none there. */
    public Optional<ParetoRankings.ParetoRank> rankOf(long productLineId, long customerId) {
        return latest(productLineId).rankOf(customerId);
    }

    /**
     * Makes these the latest rankings, one per line, and drops the others. Call it inside the
     * transaction that applies the recompute's tier changes, so readers never see one without the other.
     */
    public void replace(long runId, int policyVersion, Instant computedAt, Map<Long, LineOrder> byLine) {
        Map<Long, Long> stored = storedIds();
        for (Long line : stored.keySet()) {
            if (!byLine.containsKey(line)) {
                jdbc.update("DELETE FROM line_ranking WHERE product_line_id = ?", line);
            }
        }
        byLine.forEach((line, order) -> {
            if (stored.containsKey(line) && latest(line).isSameAs(policyVersion, order.customerIds(),
                    order.sharesBefore())) {
                // nothing moved on this line: keep the ranking, only say which run confirmed it
                jdbc.update("UPDATE line_ranking SET run_id = ?, computed_at = ? WHERE product_line_id = ?", runId,
                        Timestamp.from(computedAt), line);
                return;
            }
            ByteBuffer ids = ByteBuffer.allocate(order.customerIds().length * Long.BYTES);
            ids.asLongBuffer().put(order.customerIds());
            ByteBuffer shares = ByteBuffer.allocate(order.sharesBefore().length * Integer.BYTES);
            shares.asIntBuffer().put(order.sharesBefore());
            jdbc.update("DELETE FROM line_ranking WHERE product_line_id = ?", line);
            jdbc.update("""
                    INSERT INTO line_ranking (product_line_id, run_id, policy_version, computed_at, ranked_of,
                        customer_ids, shares_before) VALUES (?, ?, ?, ?, ?, ?, ?)""", line, runId, policyVersion,
                    Timestamp.from(computedAt), order.customerIds().length, ids.array(), shares.array());
        });
    }

    /** No line rankings: the recompute ranked the whole book, or did not rank. */
    public void clear() {
        jdbc.update("DELETE FROM line_ranking");
    }

    private ParetoRankings.Ranking latest(long line) {
        Long id = jdbc.query("SELECT id FROM line_ranking WHERE product_line_id = ?",
                rs -> rs.next() ? rs.getLong(1) : null, line);
        if (id == null) {
            return ParetoRankings.Ranking.NONE;
        }
        if (!id.equals(cachedIds.get(line))) {
            synchronized (this) {
                if (!id.equals(cachedIds.get(line))) {
                    ParetoRankings.Ranking loaded = load(id);
                    cached.put(line, loaded);
                    cachedIds.put(line, id);
                }
            }
        }
        return cached.getOrDefault(line, ParetoRankings.Ranking.NONE);
    }

    private Map<Long, Long> storedIds() {
        Map<Long, Long> ids = new HashMap<>();
        jdbc.query("SELECT product_line_id, id FROM line_ranking", rs -> {
            ids.put(rs.getLong(1), rs.getLong(2));
        });
        return ids;
    }

    private ParetoRankings.Ranking load(long id) {
        List<ParetoRankings.Ranking> found = jdbc.query("""
                SELECT policy_version, ranked_of, customer_ids, shares_before FROM line_ranking WHERE id = ?""",
                (rs, n) -> ranking(id, rs), id);
        return found.isEmpty() ? ParetoRankings.Ranking.NONE : found.get(0);
    }

    private static ParetoRankings.Ranking ranking(long id, ResultSet rs) throws SQLException {
        byte[] idBytes = rs.getBytes("customer_ids");
        byte[] shareBytes = rs.getBytes("shares_before");
        long[] inRankOrder = new long[idBytes.length / Long.BYTES];
        ByteBuffer.wrap(idBytes).asLongBuffer().get(inRankOrder);
        int[] shares = new int[shareBytes.length / Integer.BYTES];
        ByteBuffer.wrap(shareBytes).asIntBuffer().get(shares);
        return ParetoRankings.Ranking.of(id, rs.getInt("policy_version"), rs.getInt("ranked_of"), inRankOrder, shares);
    }
}

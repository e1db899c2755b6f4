package com.keyaccount.crm.tier;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The latest recompute's Pareto ranking, stored once (table tier_ranking) rather than as a rank
 * and share in every customer's tier row, where a night's sales rewrote nearly all of them.
 * Readers ask {@link #rankOf}; the ranking is read from the database once per recompute and held
 * in memory (a few MB for 100k customers), checked against the latest row's id on every read.
 */
@Service
public class ParetoRankings {

    private final JdbcTemplate jdbc;
    private volatile Ranking cached = Ranking.NONE;

    public ParetoRankings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer's place in a ranking: "rank 153 of 2,400; 79.2% of revenue before it". */
    public record ParetoRank(int rank, int rankedOf, BigDecimal shareBefore) {
    }

    /** The customer's place in the latest ranking; empty when it has none (not Pareto, or new since). */
    public Optional<ParetoRank> rankOf(long customerId) {
        return latest().rankOf(customerId);
    }

    /** The latest ranking, for readers that look up many customers at once (an export). */
    public Ranking latest() {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM tier_ranking", Long.class);
        if (id == null) {
            return Ranking.NONE;
        }
        Ranking current = cached;
        if (current.id == id) {
            return current;
        }
        synchronized (this) {
            if (cached.id != id) {
                cached = load(id);
            }
            return cached;
        }
    }

    /**
     * Makes this the latest ranking and drops older ones. Call it inside the transaction that
     * applies the recompute's tier changes, so readers never see one without the other.
     *
     * @param customerIds     customers in rank order (rank 1 first)
     * @param sharesBefore    each one's share of revenue before it, in millionths
     */
    public void replace(long runId, int policyVersion, Instant computedAt, long[] customerIds, int[] sharesBefore) {
        if (customerIds.length != sharesBefore.length) {
            throw new IllegalArgumentException("one share per ranked customer");
        }
        Ranking latest = latest();
        if (latest.isSameAs(policyVersion, customerIds, sharesBefore)) {
            // a night without sales: keep the stored ranking, only say which run confirmed it
            jdbc.update("UPDATE tier_ranking SET run_id = ?, computed_at = ? WHERE id = ?", runId,
                    Timestamp.from(computedAt), latest.id);
            return;
        }
        ByteBuffer ids = ByteBuffer.allocate(customerIds.length * Long.BYTES);
        ids.asLongBuffer().put(customerIds);
        ByteBuffer shares = ByteBuffer.allocate(sharesBefore.length * Integer.BYTES);
        shares.asIntBuffer().put(sharesBefore);
        jdbc.update("DELETE FROM tier_ranking");
        jdbc.update("""
                INSERT INTO tier_ranking (run_id, policy_version, computed_at, ranked_of, customer_ids, shares_before)
                VALUES (?, ?, ?, ?, ?, ?)""", runId, policyVersion, Timestamp.from(computedAt), customerIds.length,
                ids.array(), shares.array());
    }

    /** No ranking: the recompute classified by another method. */
    public void clear() {
        jdbc.update("DELETE FROM tier_ranking");
    }

    private Ranking load(long id) {
        List<Ranking> found = jdbc.query("""
                SELECT policy_version, ranked_of, customer_ids, shares_before FROM tier_ranking WHERE id = ?""",
                (rs, n) -> ranking(id, rs), id);
        return found.isEmpty() ? Ranking.NONE : found.get(0);
    }

    private Ranking ranking(long id, ResultSet rs) throws SQLException {
        int version = rs.getInt("policy_version");
        int rankedOf = rs.getInt("ranked_of");
        byte[] idBytes = rs.getBytes("customer_ids");
        byte[] shareBytes = rs.getBytes("shares_before");
        if (idBytes == null) {
            return legacy(id, rankedOf);
        }
        long[] inRankOrder = new long[idBytes.length / Long.BYTES];
        ByteBuffer.wrap(idBytes).asLongBuffer().get(inRankOrder);
        int[] sharesInRankOrder = new int[shareBytes.length / Integer.BYTES];
        ByteBuffer.wrap(shareBytes).asIntBuffer().get(sharesInRankOrder);
        return Ranking.of(id, version, rankedOf, inRankOrder, sharesInRankOrder);
    }

    /** The ranking the recomputes before tier_ranking left in the tier rows, until the next one. */
    private Ranking legacy(long id, int rankedOf) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM customer_tier WHERE rank_position IS NOT NULL",
                Integer.class);
        long[] ids = new long[count == null ? 0 : count];
        int[] ranks = new int[ids.length];
        int[] shares = new int[ids.length];
        int[] at = {0};
        jdbc.query("""
                SELECT customer_id, rank_position, share_before FROM customer_tier
                WHERE rank_position IS NOT NULL ORDER BY customer_id""", rs -> {
            int i = at[0]++;
            if (i < ids.length) {
                ids[i] = rs.getLong(1);
                ranks[i] = rs.getInt(2);
                shares[i] = rs.getBigDecimal(3).movePointRight(6).intValueExact();
            }
        });
        int filled = Math.min(at[0], ids.length);
        // version 0: never taken for the same as a recompute's ranking, so the next one is stored
        return new Ranking(id, 0, rankedOf, Arrays.copyOf(ids, filled), Arrays.copyOf(ranks, filled),
                Arrays.copyOf(shares, filled));
    }

    /**
     * One ranking, indexed by customer id: ids sorted ascending, each one's rank and share before
     * it at the same position; a lookup is a binary search.
     */
    public static final class Ranking {

        static final Ranking NONE = new Ranking(0, 0, 0, new long[0], new int[0], new int[0]);

        private final long id;
        private final int policyVersion;
        private final int rankedOf;
        private final long[] sortedIds;
        private final int[] ranks;
        private final int[] sharesBefore;

        private Ranking(long id, int policyVersion, int rankedOf, long[] sortedIds, int[] ranks, int[] sharesBefore) {
            this.id = id;
            this.policyVersion = policyVersion;
            this.rankedOf = rankedOf;
            this.sortedIds = sortedIds;
            this.ranks = ranks;
            this.sharesBefore = sharesBefore;
        }

        static Ranking of(long id, int policyVersion, int rankedOf, long[] inRankOrder, int[] sharesInRankOrder) {
            long[] sorted = inRankOrder.clone();
            Arrays.sort(sorted);
            int[] ranks = new int[sorted.length];
            int[] shares = new int[sorted.length];
            for (int position = 0; position < inRankOrder.length; position++) {
                int at = Arrays.binarySearch(sorted, inRankOrder[position]);
                ranks[at] = position + 1;
                shares[at] = sharesInRankOrder[position];
            }
            return new Ranking(id, policyVersion, rankedOf, sorted, ranks, shares);
        }

        boolean isSameAs(int version, long[] inRankOrder, int[] sharesInRankOrder) {
            if (id == 0 || policyVersion != version || rankedOf != inRankOrder.length
                    || sortedIds.length != inRankOrder.length) {
                return false;
            }
            for (int position = 0; position < inRankOrder.length; position++) {
                int at = Arrays.binarySearch(sortedIds, inRankOrder[position]);
                if (at < 0 || ranks[at] != position + 1 || sharesBefore[at] != sharesInRankOrder[position]) {
                    return false;
                }
            }
            return true;
        }

        public Optional<ParetoRank> rankOf(long customerId) {
            int at = Arrays.binarySearch(sortedIds, customerId);
            if (at < 0) {
                return Optional.empty();
            }
            // millionths with scale 6: the same number (and text) as the NUMERIC(9, 6) column it replaces
            return Optional.of(new ParetoRank(ranks[at], rankedOf, BigDecimal.valueOf(sharesBefore[at], 6)));
        }
    }
}

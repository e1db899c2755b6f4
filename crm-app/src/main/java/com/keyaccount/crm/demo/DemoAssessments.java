package com.keyaccount.crm.demo;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Potential and adoption on most of the demo book (issue 16), each set by the customer's owner
 * some weeks ago, so the nine-grid and its zones have something to show; a fifth is left to
 * assess. Customers with more orders tend to score higher and to use us already.
 */
final class DemoAssessments {

    private final JdbcTemplate jdbc;
    private final SplittableRandom random;
    private final Instant now;

    DemoAssessments(JdbcTemplate jdbc, long seed, Instant now) {
        this.jdbc = jdbc;
        this.random = new SplittableRandom(seed + 46);
        this.now = now;
    }

    int write() {
        List<long[]> customers = jdbc.query("""
                SELECT c.id, c.owner_id, (SELECT COUNT(*) FROM sales_order o WHERE o.customer_id = c.id)
                FROM customer c WHERE c.deleted = FALSE AND c.status <> 'LOST' ORDER BY c.id""",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        int written = 0;
        for (long[] c : customers) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            boolean buys = c[2] > 0;
            int potential = Math.min(9, 1 + random.nextInt(6) + (c[2] > 20 ? 3 : c[2] > 5 ? 1 : 0));
            String adoption = buys
                    ? (random.nextInt(3) == 0 ? "SECONDARY" : random.nextInt(4) == 0 ? "COMPETITOR" : "PREFERRED")
                    : (random.nextBoolean() ? "COMPETITOR" : "NOT_USING");
            Timestamp at = Timestamp.from(now.minus(Duration.ofDays(7 + random.nextInt(80))));
            jdbc.update("""
                    UPDATE customer SET potential = ?, potential_by_id = ?, potential_at = ?,
                        adoption = ?, adoption_by_id = ?, adoption_at = ? WHERE id = ?""",
                    potential, c[1], at, adoption, c[1], at, c[0]);
            written++;
        }
        return written;
    }
}

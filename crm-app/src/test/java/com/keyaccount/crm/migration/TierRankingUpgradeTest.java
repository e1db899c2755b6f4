package com.keyaccount.crm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.keyaccount.crm.support.TestDatabase;
import com.keyaccount.crm.tier.ParetoRankings;
import com.keyaccount.crm.tier.ParetoRankings.ParetoRank;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Upgrading to the once-per-run ranking (V14): until the next recompute, pages keep explaining
 * tiers by the ranking the older recomputes wrote into every tier row; that recompute's ranking
 * then replaces it.
 */
class TierRankingUpgradeTest {

    @Test
    void on_h2_the_ranking_in_the_old_columns_explains_tiers_until_the_next_recompute() {
        var h2 = new SingleConnectionDataSource(TestDatabase.freshH2("rank-" + UUID.randomUUID()), "sa", "", true);
        upgradeAndRead(h2, "h2", "public");
    }

    @Test
    void on_postgresql_the_ranking_in_the_old_columns_explains_tiers_until_the_next_recompute() {
        String url = TestDatabase.externalUrl().orElse("");
        assumeTrue(url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:tc:postgresql:"),
                "CRM_TEST_DB_URL names no PostgreSQL database");
        String schema = "rank_" + UUID.randomUUID().toString().substring(0, 8);
        var pg = new SingleConnectionDataSource(url, TestDatabase.user(), TestDatabase.password(), true);
        try {
            upgradeAndRead(pg, "postgresql", schema);
        } finally {
            new JdbcTemplate(pg).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            pg.destroy();
        }
    }

    private static void upgradeAndRead(DataSource ds, String vendor, String schema) {
        flyway(ds, vendor, schema).target("11").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        if ("postgresql".equals(vendor)) {
            jdbc.execute("SET search_path TO " + schema);
        }
        jdbc.update("""
                INSERT INTO app_user (id, username, password_hash, display_name, role, created_at)
                VALUES (1, 'am', 'x', 'AM', 'ACCOUNT_MANAGER', CURRENT_TIMESTAMP)""");
        // revenue 50, 30, 20 of 100: ranks 1, 2, 3 with 0%, 50% and 80% of revenue before them
        String[][] tiers = {{"11", "A", "50", "1", "0"}, {"12", "A", "30", "2", "0.5"}, {"13", "B", "20", "3", "0.8"}};
        for (String[] t : tiers) {
            jdbc.update("""
                    INSERT INTO customer (id, code, name, industry, region, owner_id, status, created_at, updated_at)
                    VALUES (?, ?, ?, 'MANUFACTURING', 'EAST', 1, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                    Long.parseLong(t[0]), "C" + t[0], "Customer " + t[0]);
            jdbc.update("""
                    INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                        revenue, order_count, rank_position, ranked_of, share_before)
                    VALUES (?, ?, ?, 1, CURRENT_TIMESTAMP, ?, 1, ?, 3, ?)""", Long.parseLong(t[0]), t[1], t[1],
                    new BigDecimal(t[2]), Integer.parseInt(t[3]), new BigDecimal(t[4]));
        }

        flyway(ds, vendor, schema).load().migrate();
        ParetoRankings rankings = new ParetoRankings(jdbc);
        assertThat(rankings.rankOf(12)).contains(new ParetoRank(2, 3, new BigDecimal("0.500000")));
        assertThat(rankings.rankOf(13)).contains(new ParetoRank(3, 3, new BigDecimal("0.800000")));
        assertThat(rankings.rankOf(99)).isEmpty();

        // the next recompute: customer 13 bought 40 more (total 140): 13, 11, 12 with 0, 60/140, 110/140 before
        jdbc.update("""
                INSERT INTO recompute_run (id, started_at, trigger_kind, started_by, policy_version, status)
                VALUES (7, CURRENT_TIMESTAMP, 'TEST', 'test', 1, 'RUNNING')""");
        rankings.replace(7, 1, Instant.now(), new long[] {13, 11, 12}, new int[] {0, 428_571, 785_714});
        assertThat(rankings.rankOf(13)).contains(new ParetoRank(1, 3, new BigDecimal("0.000000")));
        assertThat(rankings.rankOf(11)).contains(new ParetoRank(2, 3, new BigDecimal("0.428571")));
        assertThat(rankings.rankOf(12)).contains(new ParetoRank(3, 3, new BigDecimal("0.785714")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tier_ranking", Integer.class)).isOne();

        // a night without sales: the same ranking is kept, the run that confirmed it noted
        jdbc.update("""
                INSERT INTO recompute_run (id, started_at, trigger_kind, started_by, policy_version, status)
                VALUES (8, CURRENT_TIMESTAMP, 'TEST', 'test', 1, 'RUNNING')""");
        long kept = jdbc.queryForObject("SELECT id FROM tier_ranking", Long.class);
        rankings.replace(8, 1, Instant.now(), new long[] {13, 11, 12}, new int[] {0, 428_571, 785_714});
        assertThat(jdbc.queryForMap("SELECT id, run_id FROM tier_ranking"))
                .containsEntry("id", kept).containsEntry("run_id", 8L);
        assertThat(rankings.rankOf(12)).contains(new ParetoRank(3, 3, new BigDecimal("0.785714")));

        // a scorecard run: no ranking at all
        rankings.clear();
        assertThat(rankings.rankOf(13)).isEmpty();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds, String vendor,
            String schema) {
        return Flyway.configure().dataSource(ds).schemas(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    }
}

package com.keyaccount.crm.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a database of today's tiers to the tier names and the bands by share of customers
 * (V49, V50, issue 16): every tier, history row and schedule is as it was, the published
 * versions name no tiers (so they keep the names they always had) and a version of the new method
 * can be stored.
 */
class TierLadderUpgradeTest {

    @Test
    void on_h2_tiers_history_and_schedules_come_through_unchanged() {
        UpgradeDatabases.onFreshH2("ladder", ds -> upgradeAndRead(ds, "h2", "public"));
    }

    @Test
    void on_postgresql_tiers_history_and_schedules_come_through_unchanged() {
        UpgradeDatabases.onOwnPostgresDatabase("ladder", ds -> upgradeAndRead(ds, "postgresql", "public"));
    }

    private static void upgradeAndRead(DataSource ds, String vendor, String schema) {
        flyway(ds, vendor, schema).target("48").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("""
                INSERT INTO app_user (id, username, password_hash, display_name, role, created_at)
                VALUES (1, 'am', 'x', 'AM', 'ACCOUNT_MANAGER', CURRENT_TIMESTAMP)""");
        String[] tiers = {"A", "B", "C"};
        for (int i = 0; i < tiers.length; i++) {
            long id = 11 + i;
            jdbc.update("""
                    INSERT INTO customer (id, code, name, industry, region, owner_id, status, created_at, updated_at)
                    VALUES (?, ?, ?, 'MANUFACTURING', 'EAST', 1, 'ACTIVE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
                    id, "C" + id, "Customer " + id);
            jdbc.update("""
                    INSERT INTO customer_tier (customer_id, effective_tier, computed_tier, policy_version, computed_at,
                        revenue, order_count)
                    VALUES (?, ?, ?, 1, TIMESTAMP '2026-11-30 01:00:00', 1000, 3)""", id, tiers[i], tiers[i]);
            jdbc.update("""
                    INSERT INTO tier_change (customer_id, from_tier, to_tier, policy_version, changed_at, reason)
                    VALUES (?, NULL, ?, 1, TIMESTAMP '2026-11-30 01:00:00', 'RECOMPUTED')""", id, tiers[i]);
            jdbc.update("""
                    INSERT INTO follow_up (customer_id, owner_id, tier, due_on, due_rule, basis_on, interval_days,
                        quota_version, refreshed_at)
                    VALUES (?, 1, ?, DATE '2026-12-10', 'ANY_CONTACT', DATE '2026-11-30', 10, 1,
                        TIMESTAMP '2026-11-30 01:00:00')""", id, tiers[i]);
        }
        Map<String, List<Map<String, Object>>> before = snapshot(jdbc);

        flyway(ds, vendor, schema).load().migrate();

        assertThat(snapshot(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT ladder, share_cuts FROM tier_policy")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.values()).containsOnlyNulls());
        jdbc.update("""
                INSERT INTO tier_policy (version, method, window_months, pareto_cutoff_a, pareto_cutoff_b, scorecard,
                    hard_orders_a, hard_revenue_a, hard_orders_b, hard_revenue_b, created_at, created_by, share_cuts)
                SELECT 99, 'CUSTOMER_SHARE', window_months, pareto_cutoff_a, pareto_cutoff_b, scorecard, hard_orders_a,
                    hard_revenue_a, hard_orders_b, hard_revenue_b, CURRENT_TIMESTAMP, 'test', '{"cuts":[0.2,0.5]}'
                FROM tier_policy WHERE version = 1""");
        assertThat(jdbc.queryForObject("SELECT method FROM tier_policy WHERE version = 99", String.class))
                .isEqualTo("CUSTOMER_SHARE");
    }

    private static Map<String, List<Map<String, Object>>> snapshot(JdbcTemplate jdbc) {
        return Map.of(
                "customer_tier", jdbc.queryForList("""
                        SELECT customer_id, effective_tier, computed_tier, policy_version, computed_at, revenue,
                            order_count FROM customer_tier ORDER BY customer_id"""),
                "tier_change", jdbc.queryForList("""
                        SELECT customer_id, from_tier, to_tier, policy_version, changed_at, reason FROM tier_change
                        ORDER BY id"""),
                "follow_up", jdbc.queryForList("""
                        SELECT customer_id, owner_id, tier, due_on, due_rule, basis_on, interval_days, quota_version
                        FROM follow_up ORDER BY customer_id"""));
    }

    private static FluentConfiguration flyway(DataSource ds, String vendor, String schema) {
        return Flyway.configure().dataSource(ds).schemas(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    }
}

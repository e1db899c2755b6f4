package com.keyaccount.crm.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.keyaccount.crm.support.TestDatabase;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The same migrations build the same schema on H2 and on PostgreSQL. */
class MigrationsTest {

    private static final String[] TABLES = {"app_user", "customer", "contact", "contact_log", "sales_order",
        "tier_change", "audit_event", "tier_policy", "customer_tier", "recompute_run", "shedlock"};

    @Test
    void migrations_apply_to_a_fresh_h2_database() {
        var h2 = new SingleConnectionDataSource(TestDatabase.freshH2("mig-" + UUID.randomUUID()), "sa", "", true);
        MigrateResult result = migrate(h2, "h2", "public");
        assertThat(result.success).isTrue();
        assertThat(columns(new JdbcTemplate(h2), "public")).contains("customer.code not null", "contact_log.submission_token not null",
                "sales_order.paid_date", "tier_change.to_tier not null");
    }

    @Test
    void migrations_apply_to_postgresql_and_build_the_same_columns_as_on_h2() {
        String url = TestDatabase.externalUrl().orElse("");
        assumeTrue(url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:tc:postgresql:"),
                "CRM_TEST_DB_URL names no PostgreSQL database");
        String schema = "mig_" + UUID.randomUUID().toString().substring(0, 8);
        // only the new schema on the search path: the application's own tables and functions in
        // public (the suite's database) would make the triggers' calls ambiguous
        var pg = new SingleConnectionDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                TestDatabase.user(), TestDatabase.password(), true);
        JdbcTemplate pgJdbc = new JdbcTemplate(pg);
        try {
            assertThat(migrate(pg, "postgresql", schema).success).isTrue();
            var h2 = new SingleConnectionDataSource(TestDatabase.freshH2("mig-" + UUID.randomUUID()), "sa", "", true);
            migrate(h2, "h2", "public");
            assertThat(columns(pgJdbc, schema)).isEqualTo(columns(new JdbcTemplate(h2), "public"));
            assertThat(pgJdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE schemaname = ? AND indexname = ?",
                    Integer.class, schema, "ix_customer_name_trgm")).isEqualTo(1);
        } finally {
            pgJdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            pg.destroy();
        }
    }

    private static MigrateResult migrate(javax.sql.DataSource ds, String vendor, String schema) {
        return Flyway.configure().dataSource(ds).schemas(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
    }

    /** "table.column nullable?" for the application's tables in the schema. */
    private static Set<String> columns(JdbcTemplate jdbc, String schema) {
        Set<String> result = new TreeSet<>();
        jdbc.query("""
                SELECT table_name, column_name, is_nullable FROM information_schema.columns
                WHERE lower(table_schema) = ?""", rs -> {
            String table = rs.getString(1).toLowerCase(Locale.ROOT);
            if (Set.of(TABLES).contains(table)) {
                result.add(table + "." + rs.getString(2).toLowerCase(Locale.ROOT)
                        + ("YES".equals(rs.getString(3)) ? "" : " not null"));
            }
        }, schema);
        return result;
    }
}

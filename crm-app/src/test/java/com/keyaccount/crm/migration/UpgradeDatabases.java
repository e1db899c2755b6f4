package com.keyaccount.crm.migration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.keyaccount.crm.support.TestDatabase;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The empty databases an upgrade test migrates step by step: a fresh in-memory H2 one, and on
 * the PostgreSQL server of {@code CRM_TEST_DB_URL} a database of its own, dropped afterwards (the
 * shared test database's schema already holds the migrations' functions, which a second schema's
 * triggers would find twice on the search path). Without a PostgreSQL server that half is skipped.
 */
final class UpgradeDatabases {

    private UpgradeDatabases() {
    }

    static void onFreshH2(String name, Consumer<DataSource> upgrade) {
        var h2 = new SingleConnectionDataSource(TestDatabase.freshH2(name + "-" + UUID.randomUUID()), "sa", "", true);
        try {
            upgrade.accept(h2);
        } finally {
            h2.destroy();
        }
    }

    static void onOwnPostgresDatabase(String name, Consumer<DataSource> upgrade) {
        String url = TestDatabase.externalUrl().orElse("");
        assumeTrue(url.startsWith("jdbc:postgresql:"), "CRM_TEST_DB_URL names no PostgreSQL server");
        String database = name + "_" + UUID.randomUUID().toString().substring(0, 8);
        var server = new SingleConnectionDataSource(url, TestDatabase.user(), TestDatabase.password(), true);
        new JdbcTemplate(server).execute("CREATE DATABASE " + database);
        var pg = new SingleConnectionDataSource(url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database),
                TestDatabase.user(), TestDatabase.password(), true);
        try {
            upgrade.accept(pg);
        } finally {
            pg.destroy();
            new JdbcTemplate(server).execute("DROP DATABASE IF EXISTS " + database);
            server.destroy();
        }
    }

    /** The application's migrations for {@code vendor}, up to {@code target} (null: all of them). */
    static Flyway migrations(DataSource ds, String vendor, String target) {
        var configuration = Flyway.configure().dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        return (target == null ? configuration : configuration.target(target)).load();
    }
}

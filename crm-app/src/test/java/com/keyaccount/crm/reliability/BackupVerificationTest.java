package com.keyaccount.crm.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.keyaccount.crm.support.PostgresClient;
import com.keyaccount.crm.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * {@code ops/verify-backup.sh} on a scratch copy of the CRM schema while the "application" keeps
 * writing (a thread inserting audit events and imports for the whole run): the script must find
 * the restore identical to the snapshot it dumped, not report the rows written meanwhile as a
 * difference. Needs PostgreSQL (CRM_TEST_DB_URL) and its client tools on the PATH; skipped with
 * a message otherwise.
 */
class BackupVerificationTest {

    private static final Pattern POSTGRES_URL = Pattern.compile("^jdbc:(postgresql://[^/]*)/([^?/]+).*$");
    private static final Path SCRIPT = Path.of("..", "ops", "verify-backup.sh");

    @Test
    void a_backup_taken_while_the_application_writes_is_verified_without_a_false_difference() throws Exception {
        String url = TestDatabase.externalUrl().orElse("");
        Matcher postgres = POSTGRES_URL.matcher(url);
        assumeTrue(postgres.matches(), "BackupVerificationTest runs ops/verify-backup.sh and needs PostgreSQL: set "
                + "CRM_TEST_DB_URL=jdbc:postgresql://host:5432/<database> (a user that may create databases). "
                + "This run uses " + TestDatabase.describe());
        assumeTrue(PostgresClient.toolsFor(url), "BackupVerificationTest needs psql, pg_dump and pg_restore on the PATH, "
                + "pg_dump at least as new as the server");
        assertThat(SCRIPT).exists();

        String database = "crm_backup_check_" + UUID.randomUUID().toString().substring(0, 8);
        String scratchUrl = "jdbc:" + postgres.group(1) + "/" + database;
        execute(url, "CREATE DATABASE " + database);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> write(scratchUrl, writing, written), "backup-test-writer");
        try {
            Flyway.configure().dataSource(scratchUrl, TestDatabase.user(), TestDatabase.password())
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
            execute(scratchUrl, """
                    INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, new_value)
                    SELECT now(), 'seed', 'CREATE', 'CUSTOMER', g, repeat(md5(g::text), 10)
                    FROM generate_series(1, 50000) g""");
            writer.start();
            long before = awaitWrites(written, 1);

            ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString(), database).redirectErrorStream(true);
            run.environment().putAll(PostgresClient.Target.of(url).orElseThrow().environment());
            Process script = run.start();
            String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(script.waitFor(5, TimeUnit.MINUTES)).as("the script finished").isTrue();
            long after = written.get();

            assertThat(after).as("the application wrote while the backup ran").isGreaterThan(before);
            assertThat(script.exitValue()).as(output).isZero();
            assertThat(output).contains("restore reproduces every table, the schema and every sequence")
                    .containsPattern("audit_event +\\d+ same").containsPattern("data_import +\\d+ same")
                    .contains("schema same:").containsPattern("audit_event_id_seq +same");
        } finally {
            writing.set(false);
            writer.join(30_000);
            execute(url, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** Inserts audit events and imports, each in its own transaction, until told to stop. */
    private static void write(String url, AtomicBoolean writing, AtomicLong written) {
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
                Statement statement = connection.createStatement()) {
            while (writing.get()) {
                statement.execute("""
                        INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, new_value)
                        SELECT now(), 'writer', 'UPDATE', 'CUSTOMER', g, 'live' FROM generate_series(1, 50) g""");
                statement.execute("""
                        INSERT INTO data_import (kind, file_name, started_by, started_at, heartbeat_at, status)
                        VALUES ('SALES', 'live.csv', 'writer', now(), now(), 'RUNNING')""");
                written.incrementAndGet();
            }
        } catch (SQLException e) {
            if (writing.get()) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long awaitWrites(AtomicLong written, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (written.get() < atLeast && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return written.get();
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

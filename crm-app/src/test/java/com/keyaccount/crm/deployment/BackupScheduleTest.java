package com.keyaccount.crm.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.PostgresClient;
import com.keyaccount.crm.support.TestDatabase;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backups an operator counts on, on the test database as the suite filled it: the scheduled
 * backup (ops/backup/backup.sh, the compose service "backup") keeps the days asked for and never
 * leaves a broken dump behind, and ops/verify-backup.sh restores the database identically. Needs
 * PostgreSQL (CRM_TEST_DB_URL) and its client tools on the PATH, as CI has; skipped otherwise.
 */
@FullStackTest
class BackupScheduleTest {

    private static final Path BACKUP = RepositoryFiles.path("ops/backup/backup.sh");
    private static final Path VERIFY = RepositoryFiles.path("ops/verify-backup.sh");

    private final Fixtures fixtures;
    private PostgresClient.Target database;

    @TempDir
    Path backups;

    BackupScheduleTest(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    @BeforeEach
    void onPostgresWithItsTools() {
        String url = TestDatabase.externalUrl().orElse("");
        assumeTrue(url.startsWith("jdbc:postgresql:"), "BackupScheduleTest runs pg_dump on the test database and "
                + "needs PostgreSQL: set CRM_TEST_DB_URL=jdbc:postgresql://host:5432/<database>. This run uses "
                + TestDatabase.describe());
        assumeTrue(PostgresClient.toolsFor(url), "BackupScheduleTest needs psql, pg_dump and pg_restore on the PATH, "
                + "pg_dump at least as new as the server");
        database = PostgresClient.Target.of(url).orElseThrow();
        fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("备份客户"));
    }

    @Test
    void a_backup_keeps_the_days_asked_for_and_drops_older_ones() throws Exception {
        Path expired = backupOfDaysAgo(15);
        Path kept = backupOfDaysAgo(13);

        Run run = backupScript("once", database.database(), Map.of("CRM_BACKUP_KEEP_DAYS", "14"));

        assertThat(run.exit).as(run.output).isZero();
        assertThat(expired).doesNotExist();
        assertThat(kept).exists();
        Path fresh = newestBackup();
        assertThat(fresh).isNotEqualTo(kept);
        assertThat(run.output).contains("wrote " + fresh, "removed " + expired);
        // a dump pg_restore can read, with the book's tables and their rows in it
        Run contents = command(Map.of(), "pg_restore", "--list", fresh.toString());
        assertThat(contents.output).contains("TABLE DATA public customer ", "TABLE DATA public app_user ");
        assertThat(backupScript("check", database.database(), Map.of()).exit).as("healthy after a backup").isZero();
    }

    @Test
    void a_backup_that_fails_leaves_no_file_behind_and_removes_nothing() throws Exception {
        Path old = backupOfDaysAgo(30);

        Run run = backupScript("once", "no_such_database_" + System.nanoTime(), Map.of("CRM_BACKUP_KEEP_DAYS", "14"));

        assertThat(run.exit).isNotZero();
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files).containsExactly(old);
        }
    }

    @Test
    void the_healthcheck_fails_once_the_newest_backup_is_more_than_a_day_old() throws Exception {
        backupOfDaysAgo(2);
        assertThat(backupScript("check", database.database(), Map.of()).exit).isEqualTo(1);
    }

    @Test
    void the_test_database_restores_from_its_backup_identically() throws Exception {
        Run run = command(database.environment(), "bash", VERIFY.toString(), database.database());

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).containsPattern("customer +[1-9]\\d* same").containsPattern("app_user +[1-9]\\d* same")
                .contains("schema same:", "restore reproduces every table, the schema and every sequence");
    }

    private Path backupOfDaysAgo(int days) throws Exception {
        Instant taken = Instant.now().minus(Duration.ofDays(days)).minus(Duration.ofMinutes(5));
        Path file = backups.resolve("crm-" + taken.toString().substring(0, 19).replace(":", "") + ".dump");
        Files.writeString(file, "an older backup");
        Files.setLastModifiedTime(file, FileTime.from(taken));
        return file;
    }

    private Path newestBackup() throws Exception {
        try (Stream<Path> files = Files.list(backups)) {
            return files.filter(file -> file.getFileName().toString().matches("crm-.*\\.dump"))
                    .max((a, b) -> a.getFileName().compareTo(b.getFileName())).orElseThrow();
        }
    }

    private Run backupScript(String mode, String databaseName, Map<String, String> settings) throws Exception {
        Map<String, String> env = new HashMap<>(database.environment());
        env.put("PGDATABASE", databaseName);
        env.put("CRM_BACKUP_DIR", backups.toString());
        env.putAll(settings);
        return command(env, "bash", BACKUP.toString(), mode);
    }

    private record Run(int exit, String output) {
    }

    private static Run command(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[command.length - 1]).isTrue();
        return new Run(process.exitValue(), output);
    }
}

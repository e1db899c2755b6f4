package com.keyaccount.crm.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.Startup;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A server killed mid-import leaves the import RUNNING ("checking… 90,000 lines"), its staged
 * lines and its uploaded file. The next start says "failed: the server stopped" on its page,
 * removes the staged lines and the file, and sweeps the upload directory of files left by
 * imports that are over; an import still beating on another server keeps everything.
 */
@FullStackTest
class StoppedImportTest {

    /** Where uploads wait for their import ({@code Upload.DIRECTORY}). */
    private static final Path UPLOADS = Path.of(System.getProperty("java.io.tmpdir"), "crm-uploads");

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final ApplicationContext context;
    private final List<Long> imports = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private AppUser director;
    private Customer customer;

    StoppedImportTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, ApplicationContext context) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.context = context;
    }

    @BeforeEach
    void book() {
        director = fixtures.user(Role.SALES_DIRECTOR);
        customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("导入客户"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (long id : imports) {
            jdbc.update("DELETE FROM sales_import_stage WHERE import_id = ?", id);
            jdbc.update("DELETE FROM data_import WHERE id = ?", id);
        }
        for (Path file : files) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void an_import_whose_server_stopped_fails_at_start_up_and_its_staged_lines_and_file_are_removed()
            throws Exception {
        // killed just over two minutes ago (recent enough to be among the imports the upload page lists)
        Instant killed = Instant.now().minus(Duration.ofMinutes(2).plusSeconds(10));
        Path stoppedFile = upload(killed);
        long stopped = runningImport("stopped.csv", killed, stoppedFile);
        stage(stopped);
        Path liveFile = upload(Instant.now().minus(Duration.ofMinutes(20)));
        long live = runningImport("live.csv", Instant.now(), liveFile);
        stage(live);
        Path leftover = upload(Instant.now().minus(Duration.ofHours(3)));
        Path beingSaved = upload(Instant.now());

        Startup.runAgain(context);

        assertThat(jdbc.queryForObject("SELECT status FROM data_import WHERE id = ?", String.class, stopped))
                .isEqualTo("FAILED");
        assertThat(page("/imports/" + stopped, "en"))
                .contains("Failed: the server stopped while this file was being imported.")
                .doesNotContain("90,000 lines read so far");
        assertThat(page("/imports/" + stopped, "zh-CN")).contains("失败：导入此文件时服务器停止运行。");
        assertThat(page("/imports/sales", "en")).contains("Failed: the server stopped");
        assertThat(staged(stopped)).isZero();
        assertThat(stoppedFile).doesNotExist();
        assertThat(leftover).as("an upload left by an import that is over").doesNotExist();

        assertThat(jdbc.queryForObject("SELECT status FROM data_import WHERE id = ?", String.class, live))
                .as("another server's import, still beating").isEqualTo("RUNNING");
        assertThat(page("/imports/" + live, "en")).contains("90,000 lines read so far");
        assertThat(staged(live)).isEqualTo(2);
        assertThat(liveFile).exists();
        assertThat(beingSaved).as("an upload saved this moment, its import not begun yet").exists();
    }

    private Path upload(Instant lastWritten) throws Exception {
        Files.createDirectories(UPLOADS);
        Path file = Files.createTempFile(UPLOADS, "import-", ".csv");
        Files.writeString(file, "customer_code,order_no,order_date,amount\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(lastWritten));
        files.add(file);
        return file;
    }

    private long runningImport(String fileName, Instant heartbeat, Path file) {
        String name = Fixtures.unique(fileName);
        jdbc.update("""
                INSERT INTO data_import (kind, file_name, started_by, started_at, heartbeat_at, status, rows_read,
                    upload_file)
                VALUES ('SALES', ?, 'someone', ?, ?, 'RUNNING', 90000, ?)""", name,
                Timestamp.from(heartbeat.minusSeconds(10)), Timestamp.from(heartbeat),
                file.toAbsolutePath().toString());
        long id = jdbc.queryForObject("SELECT id FROM data_import WHERE file_name = ?", Long.class, name);
        imports.add(id);
        return id;
    }

    private void stage(long importId) {
        for (int line = 2; line <= 3; line++) {
            jdbc.update("""
                    INSERT INTO sales_import_stage (import_id, line_no, customer_id, order_no, order_date, amount)
                    VALUES (?, ?, ?, ?, DATE '2026-01-01', 1)""", importId, line, customer.getId(), "HALF-" + line);
        }
    }

    private int staged(long importId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sales_import_stage WHERE import_id = ?", Integer.class,
                importId);
    }

    private String page(String path, String language) throws Exception {
        return mvc.perform(get(path).with(user(Fixtures.principal(director)))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}

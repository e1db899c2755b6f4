package com.keyaccount.crm.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Nothing is left behind: a row that cannot be written takes its stored objects with it, the
 * nightly sweep removes day-old objects no row names (and nothing younger, and nothing a row
 * names), and the files of deleted customers and files deleted by hand go once the admin's
 * retention has passed, not before.
 */
@FullStackTest
class FileCleanUpTest {

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final FileUploads uploads;
    private final FileChecks checks;
    private final FileSweeps sweeps;
    private final FileRetention retention;

    FileCleanUpTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc, FileUploads uploads, FileChecks checks,
            FileSweeps sweeps, FileRetention retention) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.uploads = uploads;
        this.checks = checks;
        this.sweeps = sweeps;
        this.retention = retention;
    }

    @AfterEach
    void retentionBackToItsDefault() {
        jdbc.update("UPDATE file_setting SET retention_days = 365 WHERE id = 1");
    }

    @Test
    void a_row_that_cannot_be_written_takes_its_stored_files_with_it() throws Exception {
        AppUser director = fixtures.user(Role.SALES_DIRECTOR);
        Customer customer = fixtures.customer(fixtures.user(Role.ACCOUNT_MANAGER), Fixtures.unique("失败的上传"));
        List<PreparedFile> files = checks.prepare(List.of(new IncomingFile("a.jpg", TestPhotos.withGps(200, 100))), false);
        Set<Path> before = VisitPhotosTest.storedFiles();
        // a viewer whose user row is gone: the attachment row breaks its foreign key after the bytes were stored
        Viewer vanished = new Viewer(Long.MAX_VALUE, director.getUsername(), Role.SALES_DIRECTOR);

        assertThatThrownBy(() -> uploads.attachToCustomer(vanished, customer.getId(), files))
                .isInstanceOf(RuntimeException.class);

        assertThat(VisitPhotosTest.storedFiles()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM attachment WHERE customer_id = ?", Long.class,
                customer.getId())).isZero();
    }

    @Test
    void the_sweep_removes_day_old_objects_no_row_names_and_nothing_else() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(manager, Fixtures.unique("孤儿"));
        long kept = upload(manager, customer, "kept.jpg", TestPhotos.withGps(200, 100));
        String keptKey = jdbc.queryForObject("SELECT storage_key FROM attachment WHERE id = ?", String.class, kept);
        String keptThumb = jdbc.queryForObject("SELECT thumbnail_key FROM attachment WHERE id = ?", String.class, kept);
        Path old = object("files/" + "a".repeat(32));
        Path young = object("files/" + "b".repeat(32));
        age(old, Duration.ofDays(2));
        age(VisitPhotosTest.STORE.resolve(keptKey), Duration.ofDays(30));
        age(VisitPhotosTest.STORE.resolve(keptThumb), Duration.ofDays(30));

        int removed = sweeps.sweepOrphans();

        assertThat(removed).isGreaterThanOrEqualTo(1);
        assertThat(old).doesNotExist();
        assertThat(young).as("an upload whose row may still commit").exists();
        assertThat(VisitPhotosTest.STORE.resolve(keptKey)).exists();
        assertThat(VisitPhotosTest.STORE.resolve(keptThumb)).exists();
        Files.delete(young);
    }

    @Test
    void files_of_a_deleted_customer_stay_until_the_retention_passes_then_go_with_their_rows() throws Exception {
        AppUser manager = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser admin = fixtures.user(Role.ADMIN);
        Customer recent = fixtures.customer(manager, Fixtures.unique("刚删除"));
        Customer longAgo = fixtures.customer(manager, Fixtures.unique("早已删除"));
        Customer live = fixtures.customer(manager, Fixtures.unique("仍在"));
        long recentFile = upload(manager, recent, "r.jpg", TestPhotos.withGps(100, 100));
        long oldFile = upload(manager, longAgo, "o.jpg", TestPhotos.withGps(100, 100));
        long liveFile = upload(manager, live, "l.pdf", VisitPhotosTest.pdf());
        long removedByHand = upload(manager, live, "gone.pdf", VisitPhotosTest.pdf());
        Path oldObject = VisitPhotosTest.STORE.resolve(key(oldFile));
        Path oldThumb = VisitPhotosTest.STORE.resolve(jdbc.queryForObject(
                "SELECT thumbnail_key FROM attachment WHERE id = ?", String.class, oldFile));
        Path handObject = VisitPhotosTest.STORE.resolve(key(removedByHand));

        // the admin sets 30 days, audited
        assertThat(mvc.perform(post("/admin/files/retention").param("days", "30").with(user(Fixtures.principal(admin)))
                .with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(retention.days()).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT new_value FROM audit_event WHERE entity_type = 'FileSetting' "
                + "ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("30");
        assertThat(mvc.perform(post("/admin/files/retention").param("days", "-1").with(user(Fixtures.principal(admin)))
                .with(csrf()).header("Accept-Language", "en")).andReturn().getResponse().getContentAsString())
                .contains("Enter a whole number of days from 0 to 3650.");

        deleteCustomer(recent, Duration.ofDays(29));
        deleteCustomer(longAgo, Duration.ofDays(31));
        jdbc.update("UPDATE attachment SET deleted_at = ? WHERE id = ?", Timestamp.from(Instant.now()
                .minus(Duration.ofDays(40))), removedByHand);

        sweeps.purgeExpired();

        assertThat(ids()).contains(recentFile, liveFile).doesNotContain(oldFile, removedByHand);
        assertThat(oldObject).doesNotExist();
        assertThat(oldThumb).doesNotExist();
        assertThat(handObject).doesNotExist();
        assertThat(VisitPhotosTest.STORE.resolve(key(recentFile))).exists();
        assertThat(mvc.perform(get("/admin/files").with(user(Fixtures.principal(admin)))).andReturn().getResponse()
                .getContentAsString()).contains("value=\"30\"");
    }

    private void deleteCustomer(Customer customer, Duration ago) {
        jdbc.update("UPDATE customer SET deleted = TRUE, deleted_at = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(ago)), customer.getId());
    }

    private List<Long> ids() {
        return jdbc.queryForList("SELECT id FROM attachment", Long.class);
    }

    private String key(long id) {
        return jdbc.queryForObject("SELECT storage_key FROM attachment WHERE id = ?", String.class, id);
    }

    private long upload(AppUser viewer, Customer customer, String name, byte[] content) throws Exception {
        assertThat(mvc.perform(multipart("/customers/{id}/files", customer.getId())
                .file(VisitPhotosTest.file(name, content)).with(user(Fixtures.principal(viewer))).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        return jdbc.queryForObject("SELECT MAX(id) FROM attachment WHERE customer_id = ?", Long.class, customer.getId());
    }

    private static Path object(String key) throws Exception {
        Path path = VisitPhotosTest.STORE.resolve(key);
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[] {1, 2, 3});
        return path;
    }

    private static void age(Path file, Duration by) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(by)));
    }
}

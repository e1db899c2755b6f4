package com.keyaccount.crm.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.keyaccount.crm.attachment.TestPhotos;
import com.keyaccount.crm.customer.Customer;
import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The application on the object store (crm.files.store=s3, an S3 double in this JVM): an upload
 * lands in the bucket, the bucket made at start; a download the owner may have is a redirect to a
 * presigned link that fetches the bytes, another manager gets the 404 and no link, and thumbnails
 * come from the application itself.
 */
@SpringBootTest(properties = {"crm.files.store=s3", "crm.files.s3.bucket=crm-test-files",
        "crm.files.s3.access-key=test", "crm.files.s3.secret-key=test-secret", "crm.files.s3.create-bucket=true"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(Fixtures.class)
@DirtiesContext // its own store: closed after, so its connections do not add to the suite's
class S3DownloadsTest {

    private static final S3Fake STORE = start();

    private final MockMvc mvc;
    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;

    S3DownloadsTest(MockMvc mvc, Fixtures fixtures, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    private static S3Fake start() {
        try {
            return new S3Fake();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("crm.files.s3.endpoint", () -> STORE.endpoint().toString());
    }

    @AfterAll
    static void stop() {
        STORE.close();
    }

    @Test
    void a_download_is_a_short_lived_presigned_link_for_the_owner_only() throws Exception {
        AppUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AppUser other = fixtures.user(Role.ACCOUNT_MANAGER);
        Customer customer = fixtures.customer(owner, Fixtures.unique("对象存储"));
        byte[] photo = TestPhotos.withGps(640, 480);
        mvc.perform(multipart("/customers/{id}/files", customer.getId())
                .file(new MockMultipartFile("files", "门头.jpg", "image/jpeg", photo))
                .with(user(Fixtures.principal(owner))).with(csrf()));
        long id = jdbc.queryForObject("SELECT id FROM attachment WHERE customer_id = ?", Long.class, customer.getId());
        String key = jdbc.queryForObject("SELECT storage_key FROM attachment WHERE id = ?", String.class, id);
        assertThat(STORE.objects("crm-test-files")).containsKey(key);

        var answer = mvc.perform(get("/files/{id}", id).with(user(Fixtures.principal(owner)))).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(303);
        URI link = URI.create(answer.getHeader("Location"));
        assertThat(link.getQuery()).contains("X-Amz-Expires=300", "X-Amz-Signature=");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(STORE.objects("crm-test-files").get(key).content());
        assertThat(TestPhotos.contains(fetched.body(), "GPS")).isFalse();
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(fetched.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("inline;").endsWith("filename*=UTF-8''%E9%97%A8%E5%A4%B4.jpg"));

        var thumbnail = mvc.perform(get("/files/{id}/thumbnail", id).with(user(Fixtures.principal(owner))))
                .andReturn().getResponse();
        assertThat(thumbnail.getStatus()).isEqualTo(200);
        assertThat(thumbnail.getContentType()).isEqualTo("image/jpeg");

        var refused = mvc.perform(get("/files/{id}", id).with(user(Fixtures.principal(other)))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getHeader("Location")).isNull();
    }
}

package com.keyaccount.crm.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.attachment.FileStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The object store through the AWS SDK v2 against an S3-compatible double in this JVM: the
 * contract, the bucket made at start-up, and presigned links that fetch the file with the
 * name and type the application chose, for a few minutes only.
 */
class S3FileStoreTest extends FileStoreContract {

    private S3Fake fake;
    private S3FileStore store;

    @BeforeEach
    void start_the_double_and_create_the_bucket() throws IOException {
        fake = new S3Fake();
        store = FileStorageConfig.s3(new FilesProperties.S3(fake.endpoint(), null, "us-east-1", "crm-files",
                "test-access", "test-secret", true, true));
        store.ensureBucket();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Override
    FileStore store() {
        return store;
    }

    @Test
    void the_bucket_is_created_when_missing_and_left_alone_when_there() throws IOException {
        store.put("files/00000000000000000000000000000001", new byte[] {1}, "image/jpeg");
        store.ensureBucket();
        assertThat(fake.objects("crm-files")).containsOnlyKeys("files/00000000000000000000000000000001");
    }

    @Test
    void the_objects_are_stored_with_the_detected_type() throws IOException {
        store.put("files/00000000000000000000000000000002", new byte[] {1, 2}, "application/pdf");
        assertThat(fake.objects("crm-files").get("files/00000000000000000000000000000002").contentType())
                .isEqualTo("application/pdf");
    }

    @Test
    void a_presigned_link_fetches_the_file_with_its_name_and_type_and_expires_in_minutes() throws Exception {
        byte[] content = "%PDF-1.4 quotation".getBytes(StandardCharsets.US_ASCII);
        store.put("files/00000000000000000000000000000003", content, "application/pdf");
        String disposition = "inline; filename=\"_.pdf\"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf";
        URI link = store.temporaryLink("files/00000000000000000000000000000003", "application/pdf", disposition,
                linkLifetime()).orElseThrow();

        assertThat(link.getQuery()).contains("X-Amz-Signature=", "X-Amz-Expires=300");
        assertThat(link.getHost() + ":" + link.getPort()).isEqualTo(fake.endpoint().getHost() + ":" + fake.endpoint().getPort());
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(link).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(content);
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValue(disposition);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");

        // the bucket itself is private: the same address without the signature is refused
        URI bare = URI.create(link.getScheme() + "://" + link.getAuthority() + link.getRawPath());
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(bare).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
    }

    @Test
    void links_name_the_public_address_when_browsers_reach_the_store_elsewhere() {
        S3FileStore behindProxy = FileStorageConfig.s3(new FilesProperties.S3(fake.endpoint(),
                URI.create("https://crm.example.com"), "us-east-1", "crm-files", "a", "b", true, false));
        URI link = behindProxy.temporaryLink("files/00000000000000000000000000000004", "image/jpeg", "inline",
                linkLifetime()).orElseThrow();
        assertThat(link.toString()).startsWith("https://crm.example.com/crm-files/files/00000000000000000000000000000004?");
    }
}

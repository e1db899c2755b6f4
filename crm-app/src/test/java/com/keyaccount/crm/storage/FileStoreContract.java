package com.keyaccount.crm.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyaccount.crm.attachment.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every file store does, run against the folder and against the object store (an in-JVM S3
 * double): what was put comes back byte for byte, a deletion is final and repeatable, the keys
 * stored before a moment are listed for the orphan sweep, and no key outside the random form
 * reaches the store.
 */
abstract class FileStoreContract {

    abstract FileStore store();

    private static final String KEY = "files/0123456789abcdef0123456789abcdef";
    private static final String THUMB = "thumbs/fedcba9876543210fedcba9876543210";

    @Test
    void what_was_put_comes_back_byte_for_byte() throws IOException {
        byte[] content = "报价单 · quotation".getBytes(StandardCharsets.UTF_8);
        store().put(KEY, content, "application/pdf");
        try (InputStream in = store().open(KEY)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void putting_under_the_same_key_again_replaces_the_bytes() throws IOException {
        store().put(KEY, new byte[] {1, 2, 3}, "image/jpeg");
        store().put(KEY, new byte[] {4, 5}, "image/jpeg");
        try (InputStream in = store().open(KEY)) {
            assertThat(in.readAllBytes()).containsExactly(4, 5);
        }
    }

    @Test
    void a_deleted_file_is_gone_and_deleting_it_again_is_no_error() throws IOException {
        store().put(KEY, new byte[] {1}, "image/jpeg");
        store().delete(KEY);
        store().delete(KEY);
        assertThatThrownBy(() -> store().open(KEY).close()).isInstanceOf(IOException.class);
        assertThat(store().keysStoredBefore(Instant.now().plusSeconds(60))).doesNotContain(KEY);
    }

    @Test
    void the_keys_stored_before_a_moment_are_listed_and_later_ones_not() throws IOException {
        store().put(KEY, new byte[] {1}, "image/jpeg");
        store().put(THUMB, new byte[] {2}, "image/jpeg");
        assertThat(store().keysStoredBefore(Instant.now().plusSeconds(60))).contains(KEY, THUMB);
        assertThat(store().keysStoredBefore(Instant.now().minusSeconds(3600))).doesNotContain(KEY, THUMB);
    }

    @Test
    void a_key_that_is_not_a_random_storage_key_never_reaches_the_store() {
        for (String key : new String[] {"../../etc/passwd", "files/../secret", "files/报价单.pdf", "FILES/ABC", ""}) {
            assertThatThrownBy(() -> store().put(key, new byte[] {1}, "image/jpeg"))
                    .as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    static Duration linkLifetime() {
        return Duration.ofMinutes(5);
    }
}

package com.keyaccount.crm.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.attachment.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder store (the default, ./data/files): the contract, and no link to hand out. */
class LocalFileStoreTest extends FileStoreContract {

    @TempDir
    Path folder;
    private LocalFileStore store;

    @BeforeEach
    void store_in_a_fresh_folder() {
        store = new LocalFileStore(folder.resolve("files-root"));
    }

    @Override
    FileStore store() {
        return store;
    }

    @Test
    void the_application_sends_the_bytes_itself_there_is_no_link_to_hand_out() throws IOException {
        store.put("files/00000000000000000000000000000001", new byte[] {1}, "image/jpeg");
        assertThat(store.temporaryLink("files/00000000000000000000000000000001", "image/jpeg", "inline",
                linkLifetime())).isEmpty();
    }

    @Test
    void a_file_lies_under_its_key_inside_the_folder_and_nothing_half_written_is_left() throws IOException {
        store.put("files/00000000000000000000000000000002", new byte[] {7, 7}, "image/jpeg");
        Path root = folder.resolve("files-root");
        assertThat(root.resolve("files/00000000000000000000000000000002")).hasBinaryContent(new byte[] {7, 7});
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly("00000000000000000000000000000002");
        }
    }

    @Test
    void a_temporary_file_left_by_a_crash_is_listed_for_the_orphan_sweep() throws IOException {
        Path partial = folder.resolve("files-root/files/00000000000000000000000000000003.partial");
        Files.createDirectories(partial.getParent());
        Files.write(partial, new byte[] {1});
        assertThat(store.keysStoredBefore(Instant.now().plusSeconds(60)))
                .containsExactly("files/00000000000000000000000000000003.partial");
        store.delete("files/00000000000000000000000000000003.partial");
        assertThat(partial).doesNotExist();
    }
}

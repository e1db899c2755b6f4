package com.keyaccount.crm.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of attachments live (the port; crm-app's {@code storage} package holds the two
 * implementations, chosen by {@code crm.files.store}: a folder under ./data/files, or an
 * S3-compatible object store). Keys come from {@link StorageKeys}: random, never a file's name.
 * Ownership is never the store's business: callers check it before they ask for a key.
 */
public interface FileStore {

    /** Stores the bytes under the key; a failed put leaves no object behind. */
    void put(String key, byte[] content, String contentType) throws IOException;

    /** The stored bytes, to be closed by the caller. */
    InputStream open(String key) throws IOException;

    /** Removes the object; a key that is not there is no error. */
    void delete(String key) throws IOException;

    /** Every key stored before {@code instant} (the orphan sweep compares them with the table). */
    List<String> keysStoredBefore(Instant instant) throws IOException;

    /**
     * A link the browser may follow for a little while to fetch the bytes itself (a presigned,
     * expiring URL of the object store), or empty when the application must send them (the folder).
     *
     * @param disposition the Content-Disposition the answer should carry
     */
    Optional<URI> temporaryLink(String key, String contentType, String disposition, Duration validFor);
}

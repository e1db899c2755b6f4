package com.keyaccount.crm.attachment;

import java.time.Instant;

/**
 * A checked file ready to store: an image already re-encoded (no metadata left) with its
 * thumbnail, any other allowed file as it came.
 *
 * @param takenAt when the photo was taken, only when the user chose to keep it; else null
 */
public record PreparedFile(String fileName, String contentType, byte[] content, byte[] thumbnail, String sha256,
        Instant takenAt) {

    public boolean image() {
        return thumbnail != null;
    }
}

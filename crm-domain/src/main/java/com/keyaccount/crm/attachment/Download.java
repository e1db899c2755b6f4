package com.keyaccount.crm.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * A file the viewer may have, and how to hand it over: a short-lived link to the object store, or
 * its bytes from the store.
 *
 * @param link where the browser may fetch it itself for a few minutes; empty: send {@link #open()}
 */
public record Download(String fileName, String contentType, Optional<URI> link, Opener opener) {

    /** Opens the stored bytes (the caller closes the stream). */
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}

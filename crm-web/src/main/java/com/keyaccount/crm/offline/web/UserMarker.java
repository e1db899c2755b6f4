package com.keyaccount.crm.offline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names a user to the phone's offline store: the service worker files the pages it keeps under
 * it (and forgets them when another marker or none arrives), and the outbox files each entry
 * under it, so one user's pages and entries are never shown or sent under another. Stable across
 * sessions and servers (an entry saved offline is sent after signing in again), and not the
 * database id itself.
 */
final class UserMarker {

    /** The response header that carries the marker on a signed-in user's answers. */
    static final String HEADER = "Crm-User";

    private UserMarker() {
    }

    static String of(long userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("crm-user:" + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}

package com.keyaccount.crm.api;

import java.time.Instant;

/** An issued token as the admin page lists it: never the token itself, only its first characters. */
public record ApiToken(long id, String name, String prefix, String createdBy, Instant createdAt, Instant revokedAt,
        Instant lastUsedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}

package com.keyaccount.crm.survey.application;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The only writer of {@code survey_link}: a link is created, then answered once. */
@Component
class SurveyLinkStore {

    private final JdbcClient jdbc;

    SurveyLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A link as stored, with what its page shows and whom a response is credited to. */
    record Link(long id, long customerId, String customerName, long ownerId, String createdBy, int version,
            Instant expiresAt, Long responseId, boolean customerGone) {
    }

    long add(long customerId, String tokenHash, int version, long createdBy, Instant now, Instant expiresAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO survey_link (customer_id, token_hash, version, created_by, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(customerId, tokenHash, version, createdBy, Timestamp.from(now), Timestamp.from(expiresAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The link with this token hash; {@code lock} holds it until the transaction ends, so one answer wins. */
    Optional<Link> find(String tokenHash, boolean lock) {
        return jdbc.sql("""
                SELECT l.id, l.customer_id, c.name, c.owner_id, u.username, l.version, l.expires_at, l.response_id,
                       c.deleted
                FROM survey_link l JOIN customer c ON c.id = l.customer_id JOIN app_user u ON u.id = l.created_by
                WHERE l.token_hash = ?""" + (lock ? " FOR UPDATE" : ""))
                .param(tokenHash)
                .query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                        rs.getObject(8, Long.class), rs.getBoolean(9)))
                .optional();
    }

    /** Marks the link answered; false when another answer got there first. */
    boolean answered(long linkId, long responseId) {
        return jdbc.sql("UPDATE survey_link SET response_id = ? WHERE id = ? AND response_id IS NULL")
                .params(responseId, linkId).update() == 1;
    }

    /** The latest link of the customer still waiting for its answer, by when it expires. */
    Optional<Instant> waitingUntil(long customerId, Instant now) {
        return jdbc.sql("""
                SELECT MAX(expires_at) FROM survey_link
                WHERE customer_id = ? AND response_id IS NULL AND expires_at > ?""")
                .params(customerId, Timestamp.from(now))
                .query((rs, n) -> rs.getTimestamp(1)).optional().filter(t -> t != null).map(Timestamp::toInstant);
    }
}

package com.keyaccount.crm.api;

import com.keyaccount.crm.audit.AuditTrail;
import com.keyaccount.crm.user.NotPermittedException;
import com.keyaccount.crm.user.Role;
import com.keyaccount.crm.user.Viewer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for the ERP: an admin issues one (shown once), sees when each was last used, and
 * revokes it; a revoked token stops working on the next request. Only hashes are stored.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "crm_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiTokens(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The client a presented token belongs to, if it is one we issued and did not revoke. */
    public Optional<String> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(presented);
        List<String> names = jdbc.queryForList(
                "SELECT name FROM api_token WHERE token_hash = ? AND revoked_at IS NULL", String.class, hash);
        if (names.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?", Timestamp.from(clock.instant()), hash);
        return Optional.of(names.get(0));
    }

    /** Issues a token and returns it; this is the only time it can be read. */
    @Transactional
    public String issue(Viewer viewer, String name) {
        requireAdmin(viewer);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = hash(token);
        jdbc.update("""
                INSERT INTO api_token (name, token_hash, token_prefix, created_by, created_at)
                VALUES (?, ?, ?, ?, ?)""", name.strip(), hash, token.substring(0, 12), viewer.username(),
                Timestamp.from(clock.instant()));
        Long id = jdbc.queryForObject("SELECT id FROM api_token WHERE token_hash = ?", Long.class, hash);
        audit.created(viewer.username(), "ApiToken", id, null);
        return token;
    }

    @Transactional
    public void revoke(Viewer viewer, long id) {
        requireAdmin(viewer);
        int revoked = jdbc.update("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), viewer.username(), id);
        if (revoked > 0) {
            audit.fieldChanged(viewer.username(), "ApiToken", id, null, "revokedAt", null, clock.instant());
        }
    }

    public List<ApiToken> list(Viewer viewer) {
        requireAdmin(viewer);
        return jdbc.query("SELECT * FROM api_token ORDER BY created_at DESC, id DESC", (rs, n) -> new ApiToken(
                rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at"))));
    }

    private static java.time.Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotPermittedException("manage API tokens");
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.keyaccount.crm.user.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of {@code sign_in_failure}: failed sign-ins per (username as typed, client
 * address), in the database so that every instance behind the load balancer sees the same
 * counts. A pair that keeps failing waits longer and longer before its next attempt is even
 * checked ({@link SignInDelays}); so does an address failing for many usernames. Nothing is
 * keyed on the username alone, so guesses from one place never keep the real user out from
 * another, and nothing is locked: the longest wait is half a minute.
 *
 * <p>The address is whatever the servlet container reports: the client's own, or the one a
 * trusted proxy forwarded when the deployment says so ({@code CRM_FORWARD_HEADERS=native});
 * a header the client could forge is never read here.
 */
@Component
@RequiredArgsConstructor
class SignInThrottle {

    /** The widths of the table's columns: longer input cannot name an account, so it is cut to fit. */
    private static final int USERNAME_LENGTH = 64;
    private static final int ADDRESS_LENGTH = 64;

    private static final String COUNT_FAILURE = """
            UPDATE sign_in_failure
            SET failures = CASE WHEN last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = ?
            WHERE username = ? AND address = ?""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** How long the pair must still wait before an attempt is checked; zero when it may go ahead. */
    @Transactional(readOnly = true)
    public Duration waitBefore(String username, String address) {
        Instant now = clock.instant();
        Instant allowed = allowedAt(key(username, USERNAME_LENGTH), key(address, ADDRESS_LENGTH), now);
        return allowed.isAfter(now) ? Duration.between(now, allowed) : Duration.ZERO;
    }

    /**
     * Counts a failed attempt (a pair quiet for {@link SignInDelays#REMEMBERED} starts again from
     * one) and returns how long the pair must now wait before its next attempt.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Duration failed(String username, String address) {
        Instant now = clock.instant();
        String user = key(username, USERNAME_LENGTH);
        String from = key(address, ADDRESS_LENGTH);
        Timestamp at = Timestamp.from(now);
        Timestamp forgotten = Timestamp.from(now.minus(SignInDelays.REMEMBERED));
        // the UPDATE locks an existing row, so two instances counting the same pair add up; a
        // first failure inserted by another instance meanwhile makes our INSERT do nothing
        // (waiting for theirs to commit) and the second UPDATE counts ours on top
        if (jdbc.update(COUNT_FAILURE, forgotten, at, user, from) == 0 && jdbc.update("""
                INSERT INTO sign_in_failure (username, address, failures, last_failure_at, next_allowed_at)
                VALUES (?, ?, 1, ?, ?) ON CONFLICT DO NOTHING""", user, from, at, at) == 0) {
            jdbc.update(COUNT_FAILURE, forgotten, at, user, from);
        }
        Integer failures = jdbc.queryForObject("SELECT failures FROM sign_in_failure WHERE username = ? AND address = ?",
                Integer.class, user, from);
        jdbc.update("UPDATE sign_in_failure SET next_allowed_at = ? WHERE username = ? AND address = ?",
                Timestamp.from(now.plus(SignInDelays.forPair(failures))), user, from);
        Instant allowed = allowedAt(user, from, now);
        return allowed.isAfter(now) ? Duration.between(now, allowed) : Duration.ZERO;
    }

    /** The right password, after any wait: the pair starts afresh. Other pairs from the address keep theirs. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void succeeded(String username, String address) {
        jdbc.update("DELETE FROM sign_in_failure WHERE username = ? AND address = ?",
                key(username, USERNAME_LENGTH), key(address, ADDRESS_LENGTH));
    }

    /** Every wait of the user, from every address (an administrator's action, or a new password). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int clear(String username) {
        return jdbc.update("DELETE FROM sign_in_failure WHERE username = ?", key(username, USERNAME_LENGTH));
    }

    @Transactional(readOnly = true)
    public SignInFailures of(String username) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(failures), 0) AS failures, COUNT(*) AS addresses FROM sign_in_failure
                WHERE username = ? AND last_failure_at >= ?""",
                (rs, n) -> new SignInFailures(rs.getLong("failures"), rs.getLong("addresses")),
                key(username, USERNAME_LENGTH), Timestamp.from(clock.instant().minus(SignInDelays.REMEMBERED)));
    }

    /**
     * Forgets failures nobody repeated for {@link SignInDelays#REMEMBERED}: every instance runs
     * this, each DELETE on its own, holding no other lock.
     */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    public void prune() {
        jdbc.update("DELETE FROM sign_in_failure WHERE last_failure_at < ?",
                Timestamp.from(clock.instant().minus(SignInDelays.REMEMBERED)));
    }

    /**
     * The later of the pair's own next attempt and the address's, over the failures still
     * remembered. Only a wait actually imposed counts: a free failure stamped by an instance whose
     * clock runs a little ahead must not turn into "try again in 1 second" here.
     */
    private Instant allowedAt(String user, String from, Instant now) {
        Timestamp forgotten = Timestamp.from(now.minus(SignInDelays.REMEMBERED));
        Instant pair = jdbc.query("""
                SELECT last_failure_at, next_allowed_at FROM sign_in_failure
                WHERE username = ? AND address = ? AND last_failure_at >= ?""",
                rs -> {
                    if (!rs.next()) {
                        return now;
                    }
                    Instant next = rs.getTimestamp("next_allowed_at").toInstant();
                    return next.isAfter(rs.getTimestamp("last_failure_at").toInstant()) ? next : now;
                }, user, from, forgotten);
        Instant address = jdbc.queryForObject("""
                SELECT COALESCE(SUM(failures), 0) AS failures, MAX(last_failure_at) AS last_failure_at
                FROM sign_in_failure WHERE address = ? AND last_failure_at >= ?""",
                (rs, n) -> {
                    Duration wait = SignInDelays.forAddress(rs.getLong("failures"));
                    Timestamp last = rs.getTimestamp("last_failure_at");
                    return wait.isZero() || last == null ? now : last.toInstant().plus(wait);
                }, from, forgotten);
        return pair.isAfter(address) ? pair : address;
    }

    /**
     * Case and surrounding blanks ignored, so "Director" and " director" are one pair; a blank
     * name is a pair too (its failures still count against the address).
     */
    private static String key(String typed, int length) {
        String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return key.codePointCount(0, key.length()) <= length ? key : key.substring(0, key.offsetByCodePoints(0, length));
    }
}

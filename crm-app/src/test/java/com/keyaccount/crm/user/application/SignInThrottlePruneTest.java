package com.keyaccount.crm.user.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyaccount.crm.support.Fixtures;
import com.keyaccount.crm.support.FullStackTest;
import com.keyaccount.crm.support.SettableClock;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The throttle's table does not grow for ever: failures nobody repeated for an hour are deleted. */
@FullStackTest
@Import(SettableClock.Config.class)
@TestPropertySource(properties = SettableClock.SMALL_POOL)
class SignInThrottlePruneTest {

    private final SignInThrottle throttle;
    private final JdbcTemplate jdbc;
    private final SettableClock clock;

    SignInThrottlePruneTest(SignInThrottle throttle, JdbcTemplate jdbc, SettableClock clock) {
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Test
    void failures_older_than_an_hour_are_pruned_and_recent_ones_kept() {
        clock.setToNow();
        String stale = Fixtures.unique("stale");
        String recent = Fixtures.unique("recent");
        failedAgo(stale, Duration.ofMinutes(61));
        failedAgo(recent, Duration.ofMinutes(59));

        throttle.prune();

        assertThat(jdbc.queryForList("SELECT username FROM sign_in_failure WHERE username IN (?, ?)", String.class,
                stale, recent)).containsExactly(recent);
    }

    private void failedAgo(String username, Duration ago) {
        Timestamp at = Timestamp.from(clock.now().minus(ago));
        jdbc.update("""
                INSERT INTO sign_in_failure (username, address, failures, last_failure_at, next_allowed_at)
                VALUES (?, '192.0.2.1', 9, ?, ?)""", username, at, at);
    }
}

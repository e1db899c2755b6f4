package com.keyaccount.crm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A session's allowance with the defaults (20 a second after a burst of 60), on a clock the test moves. */
class TokenBucketTest {

    private static final long START = 1_000_000_000L;

    @Test
    void a_burst_of_sixty_passes_the_next_request_waits_for_the_refill() {
        TokenBucket bucket = new TokenBucket(20, 60, START);
        for (int i = 0; i < 60; i++) {
            assertThat(bucket.tryTake(START)).as("request " + i).isTrue();
        }
        assertThat(bucket.tryTake(START)).isFalse();

        long later = START + TimeUnit.MILLISECONDS.toNanos(50);
        assertThat(bucket.tryTake(later)).as("a twentieth of a second later").isTrue();
        assertThat(bucket.tryTake(later)).isFalse();
    }

    @Test
    void a_page_every_half_second_for_an_hour_is_never_refused_and_idle_time_is_not_saved_beyond_the_burst() {
        TokenBucket bucket = new TokenBucket(20, 60, START);
        long now = START;
        for (int page = 0; page < 7_200; page++) {
            now += TimeUnit.MILLISECONDS.toNanos(500);
            assertThat(bucket.tryTake(now)).isTrue();
        }
        now += TimeUnit.HOURS.toNanos(1);
        int passed = 0;
        while (bucket.tryTake(now)) {
            passed++;
        }
        assertThat(passed).isEqualTo(60);
    }
}

package com.keyaccount.crm.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock, moved by the test instead of by waiting: {@code @Import(SettableClock.Config.class)}
 * and take {@code SettableClock} as a constructor argument. It starts at the real time, so what
 * the test writes sits among the rows the other contexts sharing the database write.
 */
public final class SettableClock extends Clock {

    /**
     * The context of a settable clock is one more the test run keeps open; a few connections
     * serve its requests, one at a time, and leave the database's connection slots to the others.
     */
    public static final String SMALL_POOL = "spring.datasource.hikari.maximum-pool-size=3";

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    public Instant now() {
        return now;
    }

    /** Back to the real time: each test starts from now, however far the previous one moved. */
    public void setToNow() {
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @TestConfiguration
    public static class Config {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}

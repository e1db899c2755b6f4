package com.keyaccount.crm.care;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Friday 2026-09-18 in Shanghai: 中秋节 starts 2026-09-25, a week later. */
@TestConfiguration
class CareClock {

    static final Instant NOW = Instant.parse("2026-09-18T02:00:00Z");

    @Bean
    @Primary
    Clock careTestClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

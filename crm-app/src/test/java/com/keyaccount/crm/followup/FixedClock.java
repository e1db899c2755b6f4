package com.keyaccount.crm.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Friday 2026-09-18, 10:00 in Shanghai: the week ahead holds a make-up working Sunday
 * (2026-09-20) and the 中秋 holidays (09-25..27), so calendar rules are visible in results.
 */
@TestConfiguration
class FixedClock {

    static final Instant NOW = Instant.parse("2026-09-18T02:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}

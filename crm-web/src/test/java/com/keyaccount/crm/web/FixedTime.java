package com.keyaccount.crm.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The server clock stands still at {@link WebSliceTest#NOW}; the business runs on Shanghai time. */
@TestConfiguration
class FixedTime {

    @Bean
    Clock clock() {
        return Clock.fixed(WebSliceTest.NOW, ZoneOffset.UTC);
    }

    @Bean
    ZoneId businessZone() {
        return WebSliceTest.SHANGHAI;
    }
}

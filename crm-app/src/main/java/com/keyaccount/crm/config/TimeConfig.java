package com.keyaccount.crm.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TimeConfig {

    /** Instants are stored in UTC; the business zone only decides what "today" means. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ZoneId businessZone(CrmProperties properties) {
        return properties.zone();
    }
}

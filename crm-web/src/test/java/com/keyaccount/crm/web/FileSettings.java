package com.keyaccount.crm.web;

import com.keyaccount.crm.attachment.FileChecks;
import com.keyaccount.crm.attachment.FileLimits;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The upload limits of a default installation and the real file checks, under the bean name the
 * file field's template asks for (its hints and the browser's limits).
 */
@TestConfiguration
class FileSettings {

    @Bean
    FileLimits fileLimits() {
        return FileLimits.DEFAULT;
    }

    @Bean
    FileChecks fileChecks(FileLimits limits, Clock clock, ZoneId businessZone) {
        return new FileChecks(limits, clock, businessZone);
    }
}

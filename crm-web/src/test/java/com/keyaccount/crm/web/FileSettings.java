package com.keyaccount.crm.web;

import com.keyaccount.crm.attachment.FileLimits;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The upload limits of a default installation, for the file field's checks and hints. */
@TestConfiguration
class FileSettings {

    @Bean
    FileLimits fileLimits() {
        return FileLimits.DEFAULT;
    }
}

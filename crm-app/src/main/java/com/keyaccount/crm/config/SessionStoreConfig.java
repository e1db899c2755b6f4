package com.keyaccount.crm.config;

import com.keyaccount.crm.shared.DatabaseVendor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Browser sessions live in the database every instance shares (Spring Session JDBC, set up by
 * Boot; its tables come from Flyway, V36). One thing is set here: two requests of one browser at
 * once (two tabs, a form posted twice) that each add the same attribute to the session (the
 * message a redirect carries) would otherwise both INSERT it, and the second fail with a
 * duplicate key after its work was done. The attribute is written as an upsert instead: Spring
 * Session's own query on PostgreSQL, H2's MERGE on H2.
 */
@Configuration
class SessionStoreConfig {

    private static final String H2_UPSERT_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(DatabaseVendor database) {
        if (database.isH2()) {
            return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
        }
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}

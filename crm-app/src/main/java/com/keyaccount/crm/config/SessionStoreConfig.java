package com.keyaccount.crm.config;

import com.keyaccount.crm.shared.DatabaseVendor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Browser sessions live in the database every instance shares (Spring Session JDBC, set up by
 * Boot; its tables come from Flyway, V36). Two things are set here.
 * <p>
 * Two requests of one browser at once (two tabs, a form posted twice) that each add the same
 * attribute to the session (the message a redirect carries) would otherwise both INSERT it, and
 * the second fail with a duplicate key after its work was done. The attribute is written as an
 * upsert instead: Spring Session's own query on PostgreSQL, H2's MERGE on H2.
 * <p>
 * Every request writes its session's last access. On PostgreSQL those writes commit without
 * waiting for the disk (synchronous_commit off, for the session's transaction only): a request
 * does not wait for a WAL flush (about 8 ms here) to note that the user was active. A database
 * crash can lose the last fraction of a second of session writes, i.e. a sign-in to repeat;
 * never the application's data, whose transactions keep the server's setting.
 */
@Configuration
class SessionStoreConfig {

    private static final String H2_UPSERT_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

    /** Spring Session's transactions (its own, REQUIRES_NEW, as by default), found by this name. */
    @Bean("springSessionTransactionOperations")
    TransactionOperations sessionTransactions(PlatformTransactionManager transactions, JdbcTemplate jdbc,
            DatabaseVendor database) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (database.isH2()) {
            return template;
        }
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return template.execute(status -> {
                    jdbc.execute("SET LOCAL synchronous_commit TO OFF");
                    return action.doInTransaction(status);
                });
            }
        };
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(DatabaseVendor database) {
        if (database.isH2()) {
            return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
        }
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}

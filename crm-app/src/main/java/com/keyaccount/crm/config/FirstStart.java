package com.keyaccount.crm.config;

import com.keyaccount.crm.demo.DemoData;
import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.Role;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database: seeds demo data where asked (by default only on embedded H2) and
 * creates the first admin from CRM_ADMIN_USERNAME / CRM_ADMIN_PASSWORD. Refuses to start a
 * database that would otherwise have no user at all.
 */
@Component
@RequiredArgsConstructor
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final CrmProperties properties;
    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final DemoData demoData;
    private final DataSource dataSource;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        boolean empty = users.count() == 0;
        if (empty && properties.admin().isGiven()) {
            CrmProperties.Admin admin = properties.admin();
            users.save(new AppUser(admin.username().strip(), passwordEncoder.encode(admin.password()),
                    admin.username().strip(), Role.ADMIN, null));
            log.info("Created the first administrator '{}'", admin.username().strip());
        }
        if (empty && demoDataWanted()) {
            demoData.seed(properties.demoCustomers());
        }
        if (users.count() == 0) {
            throw new IllegalStateException("The database has no users. Set CRM_ADMIN_USERNAME and "
                    + "CRM_ADMIN_PASSWORD to create the first administrator (or CRM_DEMO_DATA=true for demo data).");
        }
    }

    private boolean demoDataWanted() {
        if (properties.demoData() != null) {
            return properties.demoData();
        }
        return isEmbeddedH2();
    }

    private boolean isEmbeddedH2() {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
            return "H2".equalsIgnoreCase(product);
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}

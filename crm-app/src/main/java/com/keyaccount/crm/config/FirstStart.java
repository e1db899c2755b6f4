package com.keyaccount.crm.config;

import com.keyaccount.crm.customer.CustomerService;
import com.keyaccount.crm.demo.DemoData;
import com.keyaccount.crm.demo.DemoDataGenerator;
import com.keyaccount.crm.followup.application.FollowUpSchedule;
import com.keyaccount.crm.shared.DatabaseVendor;
import com.keyaccount.crm.tier.application.TierRecompute;
import com.keyaccount.crm.user.AppUserRepository;
import com.keyaccount.crm.user.application.UserAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database: seeds demo data where asked (by default only on embedded H2) and
 * creates the first admin from CRM_ADMIN_USERNAME / CRM_ADMIN_PASSWORD. Refuses to start a
 * database that would otherwise have no user at all.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

    private final CrmProperties properties;
    private final AppUserRepository users;
    private final UserAdministration administration;
    private final DemoData demoData;
    private final DatabaseVendor database;
    private final TierRecompute tierRecompute;
    private final TransactionTemplate transaction;
    private final FollowUpSchedule followUps;
    private final CustomerService customers;

    FirstStart(CrmProperties properties, AppUserRepository users, UserAdministration administration, DemoData demoData,
            DatabaseVendor database, TierRecompute tierRecompute, PlatformTransactionManager transactions,
            FollowUpSchedule followUps, CustomerService customers) {
        this.followUps = followUps;
        this.customers = customers;
        this.properties = properties;
        this.users = users;
        this.administration = administration;
        this.demoData = demoData;
        this.database = database;
        this.tierRecompute = tierRecompute;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean seededDemoData = Boolean.TRUE.equals(transaction.execute(status -> createFirstUsers()));
        if (seededDemoData) {
            // the demo book is classified straight away, so its tiers are there on first login
            tierRecompute.run("INITIAL", "system");
        }
        // customers written in bulk (the demo book, or before schedules existed) get theirs now
        int scheduled = followUps.fillMissing();
        if (scheduled > 0) {
            log.info("Scheduled follow-ups for {} customers", scheduled);
        }
        // and their pinyin initials for the search box (SQL cannot compute them)
        int initials = customers.fillMissingInitials();
        if (initials > 0) {
            log.info("Filled the name initials of {} customers", initials);
        }
    }

    /** Returns whether it seeded the demo book. */
    private boolean createFirstUsers() {
        boolean empty = users.count() == 0;
        if (empty && properties.admin().isGiven()) {
            CrmProperties.Admin admin = properties.admin();
            administration.createFirstAdministrator(admin.username(), admin.password());
            log.info("Created the first administrator '{}'", admin.username().strip());
        }
        boolean seedDemoData = empty && demoDataWanted();
        if (seedDemoData) {
            demoData.seed(new DemoDataGenerator.Size(properties.demoCustomers(), properties.demoOrdersPerCustomer()));
        }
        if (users.count() == 0) {
            String username = properties.admin().username();
            throw new NoAdministrator(username != null && !username.isBlank());
        }
        return seedDemoData;
    }

    private boolean demoDataWanted() {
        return properties.demoData() != null ? properties.demoData() : database.isH2();
    }
}

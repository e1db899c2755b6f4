package com.keyaccount.crm.support;

import java.util.Optional;

/** The database chosen for this test run: CRM_TEST_DB_URL, or in-memory H2. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Optional<String> externalUrl() {
        return Optional.ofNullable(System.getenv("CRM_TEST_DB_URL")).filter(url -> !url.isBlank());
    }

    public static String user() {
        return Optional.ofNullable(System.getenv("CRM_TEST_DB_USER")).orElse("sa");
    }

    public static String password() {
        return Optional.ofNullable(System.getenv("CRM_TEST_DB_PASSWORD")).orElse("");
    }

    public static String describe() {
        return externalUrl().map(url -> url + " (from CRM_TEST_DB_URL)")
                .orElse("in-memory H2 in PostgreSQL mode (set CRM_TEST_DB_URL to test on PostgreSQL)");
    }

    /** A fresh, private in-memory H2 database URL. */
    public static String freshH2(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}

package com.keyaccount.crm.config;

/**
 * The first start of an empty database without a first administrator: the application would run
 * with nobody able to sign in. {@link NoAdministratorFailureAnalyzer} tells the operator what to set.
 */
class NoAdministrator extends IllegalStateException {

    private final boolean usernameGiven;

    NoAdministrator(boolean usernameGiven) {
        super("The database has no users. Set CRM_ADMIN_USERNAME and CRM_ADMIN_PASSWORD to create the first "
                + "administrator (or CRM_DEMO_DATA=true for demo data).");
        this.usernameGiven = usernameGiven;
    }

    boolean usernameGiven() {
        return usernameGiven;
    }
}

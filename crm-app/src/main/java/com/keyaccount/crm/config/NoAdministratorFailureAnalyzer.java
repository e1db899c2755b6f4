package com.keyaccount.crm.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link NoAdministrator} into Spring Boot's "APPLICATION FAILED TO START" report, which says
 * which variable is missing, instead of a stack trace an operator has to read through (registered
 * in META-INF/spring.factories).
 */
class NoAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<NoAdministrator> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoAdministrator cause) {
        String missing = cause.usernameGiven() ? "CRM_ADMIN_PASSWORD is not set"
                : "CRM_ADMIN_USERNAME and CRM_ADMIN_PASSWORD are not set";
        return new FailureAnalysis("This is the first start of an empty database (no users yet) and " + missing
                + ": nobody could sign in.",
                "Set CRM_ADMIN_USERNAME and CRM_ADMIN_PASSWORD: the first administrator is created from them on "
                        + "this first start (later starts ignore them). Or set CRM_DEMO_DATA=true for the demo book "
                        + "and its users.",
                cause);
    }
}

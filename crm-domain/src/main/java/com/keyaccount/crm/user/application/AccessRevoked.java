package com.keyaccount.crm.user.application;

/**
 * The user's open sessions must end (disabled, password reset, role changed): published inside
 * the transaction, acted on once it has committed.
 */
public record AccessRevoked(String username) {
}

package com.keyaccount.crm.user.application;

/** {@code temporaryPassword} is the generated one to hand over, or {@code null} if the administrator typed one. */
public record CreatedUser(long id, String username, String temporaryPassword) {
}

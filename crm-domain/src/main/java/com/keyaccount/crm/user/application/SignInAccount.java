package com.keyaccount.crm.user.application;

import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;

/** What checking a password and holding a session need of a user; the hash never leaves for a page. */
public record SignInAccount(long id, String username, String passwordHash, String displayName, Role role,
        boolean enabled, boolean passwordChangeRequired) {

    static SignInAccount of(AppUser user) {
        return new SignInAccount(user.getId(), user.getUsername(), user.getPasswordHash(), user.getDisplayName(),
                user.getRole(), user.isEnabled(), user.isPasswordChangeRequired());
    }
}

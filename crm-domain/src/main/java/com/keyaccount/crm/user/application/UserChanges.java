package com.keyaccount.crm.user.application;

import com.keyaccount.crm.user.AppUser;
import com.keyaccount.crm.user.Role;

/** What an administrator may edit on a user; the audit trail records each component that differs. */
public record UserChanges(String displayName, Role role, String region) {

    static UserChanges of(AppUser user) {
        return new UserChanges(user.getDisplayName(), user.getRole(), user.getRegion());
    }
}

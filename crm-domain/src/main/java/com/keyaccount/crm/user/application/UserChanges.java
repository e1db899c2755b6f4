package com.keyaccount.crm.user.application;

import com.keyaccount.crm.user.Role;

/** What an administrator may edit on a user; {@code unitId} is their place in the organisation, or none. */
public record UserChanges(String displayName, Role role, String region, Long unitId) {

    public UserChanges(String displayName, Role role, String region) {
        this(displayName, role, region, null);
    }
}

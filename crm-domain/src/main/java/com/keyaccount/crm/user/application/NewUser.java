package com.keyaccount.crm.user.application;

import com.keyaccount.crm.user.Role;

/** An administrator signs someone up; without an initial password the system makes up a temporary one. */
public record NewUser(String username, String displayName, Role role, String region, String initialPassword,
        Long unitId) {

    public NewUser(String username, String displayName, Role role, String region, String initialPassword) {
        this(username, displayName, role, region, initialPassword, null);
    }
}

package com.keyaccount.crm.user.application;

import com.keyaccount.crm.user.Role;

/** One user in the administrators' list, with how many customers they own and their unit's name. */
public record UserRow(long id, String username, String displayName, Role role, String region, boolean enabled,
        boolean passwordChangeRequired, long customersOwned, String unit) {
}

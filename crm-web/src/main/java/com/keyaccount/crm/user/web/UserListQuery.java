package com.keyaccount.crm.user.web;

import com.keyaccount.crm.user.Role;
import lombok.Getter;
import lombok.Setter;

/** The user list's filters: a role, and "enabled" / "disabled" (anything else: all). */
@Getter
@Setter
public class UserListQuery {

    private Role role;
    private String status;

    Boolean enabled() {
        return "enabled".equals(status) ? Boolean.TRUE : "disabled".equals(status) ? Boolean.FALSE : null;
    }
}

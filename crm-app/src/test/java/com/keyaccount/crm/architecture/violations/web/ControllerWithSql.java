package com.keyaccount.crm.architecture.violations.web;

import com.keyaccount.crm.user.AppUserRepository;

/** A deliberate violation: a controller that asks a repository instead of an application service. */
public class ControllerWithSql {

    private final AppUserRepository users;

    public ControllerWithSql(AppUserRepository users) {
        this.users = users;
    }

    public long users() {
        return users.count();
    }
}

package com.keyaccount.crm.user;

public enum Role {
    ACCOUNT_MANAGER,
    SALES_DIRECTOR,
    ADMIN;

    /** Directors and admins see every customer; an account manager only their own book. */
    public boolean seesAllCustomers() {
        return this != ACCOUNT_MANAGER;
    }
}

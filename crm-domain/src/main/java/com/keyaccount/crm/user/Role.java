package com.keyaccount.crm.user;

public enum Role {
    ACCOUNT_MANAGER,
    /** 区域经理: sees and supervises the books of everyone in their region. */
    REGIONAL_MANAGER,
    /** 省区经理: sees and supervises the books of everyone in their province. */
    PROVINCE_MANAGER,
    /** 客服: serves the accounts whose service team they are on, and sees only those. */
    CUSTOMER_SERVICE,
    /** 市场: serves the accounts whose service team they are on, and sees only those. */
    MARKETING,
    SALES_DIRECTOR,
    ADMIN;

    /** Directors and admins see every customer and decide (tiers, gifts, plans, targets). */
    public boolean seesAllCustomers() {
        return this == SALES_DIRECTOR || this == ADMIN;
    }

    /** Sees the books of everyone below them in the organisation, without a director's decisions. */
    public boolean supervises() {
        return this == REGIONAL_MANAGER || this == PROVINCE_MANAGER;
    }

    /** Works on the accounts whose service team they are on rather than a book of their own. */
    public boolean servesTeams() {
        return this == CUSTOMER_SERVICE || this == MARKETING;
    }
}
